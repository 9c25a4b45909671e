package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cyprus.media.Chapter;
import org.cyprus.media.CoverArt;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by ffmpeg and lame (see {@code fixtures/id3/make-fixtures.sh}), checked against golden dumps and
 * cross-checked against what ffprobe reads from the same files.
 */
class Id3FixtureTest {
    @TempDir
    Path temp;

    private static Id3Result read(String name) throws IOException {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("id3/" + name))) {
            return Id3Reader.read(source);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffmpeg-v23-many-fields.mp3", "ffmpeg-v24-many-fields.mp3", "ffmpeg-v24-chapters.mp3",
            "lame-v23-and-id3v11.mp3", "lame-id3v1-only.mp3"})
    void dumpMatchesGolden(String name) throws IOException {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("id3/" + name))) {
            GoldenFiles.assertMatches("id3/" + name.replace(".mp3", ".txt"), Id3Reader.dump(source));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffmpeg-v23-many-fields.mp3", "ffmpeg-v24-many-fields.mp3", "ffmpeg-v24-chapters.mp3",
            "lame-v23-and-id3v11.mp3", "lame-id3v1-only.mp3"})
    void audioRangeStartsOnAnMpegFrameAndExcludesTrailers(String name) throws IOException {
        byte[] file = Fixtures.bytes("id3/" + name);
        Id3Result result = read(name);
        assertThat(file[(int) result.audioStart()] & 0xFF).as("frame sync at audio start").isEqualTo(0xFF);
        assertThat(file[(int) result.audioStart() + 1] & 0xE0).isEqualTo(0xE0);
        boolean hasId3v1 = name.contains("id3v1");
        assertThat(result.audioEnd()).isEqualTo(file.length - (hasId3v1 ? 128 : 0));
        assertThat(skipLeading(name)).isEqualTo(result.audioStart());
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffmpeg-v23-many-fields.mp3", "ffmpeg-v24-many-fields.mp3"})
    void ffmpegTagsAgreeWithFfprobe(String name) throws IOException {
        Tags tags = read(name).tags();
        Map<String, String> probe = ffprobeTags(Fixtures.path("id3/" + name));
        assertThat(tags.first(TagKey.TITLE)).contains(probe.get("title")).contains("The Title ä€");
        assertThat(tags.first(TagKey.ARTIST)).contains(probe.get("artist"));
        assertThat(tags.first(TagKey.ALBUM)).contains(probe.get("album"));
        assertThat(tags.first(TagKey.ALBUM_ARTIST)).contains(probe.get("album_artist"));
        assertThat(tags.first(TagKey.COMPOSER)).contains(probe.get("composer"));
        assertThat(tags.first(TagKey.GENRE)).contains(probe.get("genre"));
        assertThat(tags.first(TagKey.PUBLISHER)).contains(probe.get("publisher"));
        assertThat(tags.first(TagKey.COPYRIGHT)).contains(probe.get("copyright"));
        assertThat(tags.first(TagKey.LANGUAGE)).contains(probe.get("language"));
        assertThat(tags.first(TagKey.COMMENT)).contains(probe.get("comment"));
        assertThat(tags.first(TagKey.NARRATOR)).contains(probe.get("narrator"));
        assertThat(tags.first(TagKey.SERIES)).contains(probe.get("series"));
        assertThat(tags.first(TagKey.SERIES_SEQUENCE)).contains(probe.get("series-part"));
        assertThat(tags.first(TagKey.ASIN)).contains(probe.get("asin"));
        assertThat(tags.first(TagKey.ENCODER)).contains(probe.get("encoder"));
        assertThat(tags.number(TagKey.TRACK) + "/" + tags.number(TagKey.TRACK_TOTAL))
                .isEqualTo("OptionalInt[3]/OptionalInt[12]");
        assertThat(probe.get("track")).isEqualTo("3/12");
        assertThat(tags.number(TagKey.DISC)).hasValue(1);
        assertThat(tags.number(TagKey.DISC_TOTAL)).hasValue(2);
        assertThat(probe.get("disc")).isEqualTo("1/2");
        assertThat(tags.first(TagKey.YEAR)).contains("2004");
        assertThat(probe.get("date")).startsWith("2004");
    }

    @Test
    void v24DateAndNumericGenreFromFfmpeg() throws IOException {
        Tags tags = read("ffmpeg-v24-many-fields.mp3").tags();
        assertThat(tags.all(TagKey.GENRE)).containsExactly("Speech");
        assertThat(tags.first(TagKey.RELEASE_DATE)).contains("2004-03-15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffmpeg-v23-many-fields.mp3", "ffmpeg-v24-many-fields.mp3"})
    void coverStaysInFileAndEqualsWhatFfmpegExtracts(String name) throws IOException {
        Path fixture = Fixtures.path("id3/" + name);
        Path extracted = temp.resolve("cover.bin");
        Tools.ffmpeg("-i", fixture.toString(), "-an", "-c:v", "copy", "-f", "image2", extracted.toString());
        Id3Result result = read(name);
        CoverArt cover = result.cover().orElseThrow();
        assertThat(cover.location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(cover.mimeType()).isEqualTo(name.contains("v23") ? "image/jpeg" : "image/png");
        try (FileByteSource source = FileByteSource.open(fixture)) {
            assertThat(cover.read(source)).isEqualTo(Files.readAllBytes(extracted));
        } catch (org.cyprus.media.MediaException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ffmpegChaptersAgreeWithFfprobe() throws IOException {
        Id3Result result = read("ffmpeg-v24-chapters.mp3");
        String probe = Tools.ffprobe("-show_entries", "chapter=start,end:chapter_tags=title", "-of", "csv=p=0",
                Fixtures.path("id3/ffmpeg-v24-chapters.mp3").toString());
        List<String> expected = probe.lines().toList();
        assertThat(result.chapters()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Chapter chapter = result.chapters().get(i);
            String[] fields = expected.get(i).split(",", 3);
            assertThat(chapter.startUs()).isEqualTo(Long.parseLong(fields[0]) * 1000);
            assertThat(chapter.endUs()).isEqualTo(Long.parseLong(fields[1]) * 1000);
            assertThat(chapter.title()).isEqualTo(fields[2]);
        }
        assertThat(result.chapters().getLast().title()).isEqualTo("Épilogue");
        assertThat(result.tags().first(TagKey.TITLE)).contains("Chaptered Book");
    }

    @Test
    void lameId3v2WinsOverItsId3v11Copy() throws IOException {
        Id3Result result = read("lame-v23-and-id3v11.mp3");
        Tags tags = result.tags();
        Map<String, String> probe = ffprobeTags(Fixtures.path("id3/lame-v23-and-id3v11.mp3"));
        assertThat(tags.first(TagKey.TITLE)).contains(probe.get("title"));
        assertThat(tags.first(TagKey.ALBUM_ARTIST)).contains(probe.get("album_artist"));
        assertThat(tags.first(TagKey.NARRATOR)).contains(probe.get("NARRATOR"));
        assertThat(tags.first(TagKey.GENRE)).contains(probe.get("genre"));
        assertThat(tags.number(TagKey.TRACK)).hasValue(4);
        assertThat(tags.number(TagKey.TRACK_TOTAL)).hasValue(9);
        // ffprobe gives up on lame's COMM (its empty UTF-16 description has no BOM); we read it.
        assertThat(tags.first(TagKey.COMMENT)).contains("lame comment");
    }

    @Test
    void id3v1OnlyFromLame() throws IOException {
        Id3Result result = read("lame-id3v1-only.mp3");
        Tags tags = result.tags();
        assertThat(result.audioStart()).isZero();
        assertThat(tags.first(TagKey.TITLE)).contains("V1 Title");
        assertThat(tags.first(TagKey.ARTIST)).contains("V1 Artist");
        assertThat(tags.first(TagKey.ALBUM)).contains("V1 Album");
        assertThat(tags.first(TagKey.YEAR)).contains("1999");
        assertThat(tags.first(TagKey.COMMENT)).contains("V1 comment");
        assertThat(tags.all(TagKey.GENRE)).containsExactly("Speech");
        assertThat(tags.first(TagKey.TRACK)).isEmpty();
    }

    private static long skipLeading(String name) throws IOException {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("id3/" + name))) {
            return Id3Reader.skipLeadingTags(source);
        }
    }

    /** ffprobe's format tags: {@code key=value} per line. */
    private static Map<String, String> ffprobeTags(Path file) {
        Map<String, String> tags = new LinkedHashMap<>();
        String out = Tools.ffprobe("-show_entries", "format_tags", "-of", "default=noprint_wrappers=1", file.toString());
        out.lines().filter(l -> l.startsWith("TAG:")).forEach(l -> {
            int eq = l.indexOf('=');
            tags.put(l.substring(4, eq), l.substring(eq + 1));
        });
        return tags;
    }
}
