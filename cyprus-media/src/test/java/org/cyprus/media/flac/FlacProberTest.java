package org.cyprus.media.flac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.media.flac.FixtureBytes.concat;
import static org.cyprus.media.flac.FixtureBytes.indexOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.TagKey;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.FaultyByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlacProberTest {
    private static final String TAGGED = "flac/tagged-seektable-cover.flac";
    private static final String SINGLE_FRAME = "flac/stereo-24bit-single-frame.flac";
    /** Frame offsets in the tagged fixture, as {@code ffprobe -show_entries packet=pos} lists them. */
    private static final long TAGGED_FIRST_FRAME = 945;
    private static final long TAGGED_LAST_FRAME = 2640;

    @ParameterizedTest
    @ValueSource(strings = {"tagged-seektable-cover", "stereo-24bit-single-frame"})
    void goldenDump(String name) throws Exception {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("flac/" + name + ".flac"))) {
            GoldenFiles.assertMatches("flac/" + name + ".txt", FlacDump.dump(source, 0));
        }
    }

    @Test
    void readsStreamInfoTagsChaptersCoverAndSeekTable() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(TAGGED));

        assertThat(info.format()).isEqualTo(ContainerFormat.FLAC);
        assertThat(info.codec()).isEqualTo(Codec.FLAC);
        assertThat(info.codecDetail()).isEqualTo("FLAC 16-bit");
        assertThat(info.sampleRateHz()).isEqualTo(8000);
        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.durationUs()).isEqualTo(600_000).isEqualTo(info.gaplessDurationUs());
        assertThat(info.audioStartByte()).isEqualTo(TAGGED_FIRST_FRAME);
        assertThat(info.audioEndByte()).isEqualTo(Fixtures.bytes(TAGGED).length);
        assertThat(info.warnings()).isEmpty();

        assertThat(info.tags().all(TagKey.ARTIST)).containsExactly("Ann Author", "Bob Writer");
        assertThat(info.tags().all(TagKey.GENRE)).containsExactly("Audiobook", "Speech");
        assertThat(info.tags().first(TagKey.NARRATOR)).contains("Nora Narrator");
        assertThat(info.tags().first(TagKey.ALBUM_ARTIST)).contains("Ann Author");
        assertThat(info.tags().first(TagKey.YEAR)).contains("2021");
        assertThat(info.tags().first(TagKey.RELEASE_DATE)).contains("2021-03-04");
        assertThat(info.tags().number(TagKey.TRACK)).hasValue(2);
        assertThat(info.tags().number(TagKey.TRACK_TOTAL)).hasValue(7);
        assertThat(info.tags().number(TagKey.DISC)).hasValue(1);
        assertThat(info.tags().number(TagKey.DISC_TOTAL)).hasValue(2);
        assertThat(info.tags().first(TagKey.PUBLISHER)).contains("Small Press");
        assertThat(info.tags().first(TagKey.SERIES_SEQUENCE)).contains("3");

        assertThat(info.chapters()).containsExactly(
                new Chapter("Opening", 0, 250_000), new Chapter("Closing Words", 250_000, 600_000));

        CoverArt cover = info.cover().orElseThrow();
        assertThat(cover.mimeType()).isEqualTo("image/png");
        assertThat(cover.location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(cover.read(new ArrayByteSource(Fixtures.bytes(TAGGED)))).startsWith(0x89, 'P', 'N', 'G').hasSize(96);

        // SEEKTABLE points: sample 0 at the first frame, sample 3072 at the fourth (ffprobe: pos 2220).
        assertThat(info.seekIndex().exact()).isFalse();
        assertThat(info.seekIndex().seek(300_000).byteOffset()).isEqualTo(TAGGED_FIRST_FRAME);
        assertThat(info.seekIndex().seek(400_000).byteOffset()).isEqualTo(2220);
        assertThat(info.seekIndex().seek(400_000).timeUs()).isEqualTo(384_000);
        assertThat(info.seekIndex().timeAt(2500)).isEqualTo(384_000);
    }

    @Test
    void durationAndTagsAgreeWithFfprobe() throws Exception {
        Path file = Fixtures.path(TAGGED);
        String stream = Tools.ffprobe("-show_entries", "stream=duration_ts,sample_rate,channels", "-of", "default=nw=1", file.toString());
        String tags = Tools.ffprobe("-show_entries", "format_tags=title,album,composer,copyright", "-of", "default=nw=1", file.toString());
        MediaInfo info = probe(Fixtures.bytes(TAGGED));

        assertThat(stream).contains("duration_ts=4800", "sample_rate=8000", "channels=1");
        assertThat(info.durationUs()).isEqualTo(4800 * 1_000_000L / 8000);
        assertThat(tags).contains("TAG:TITLE=" + info.tags().first(TagKey.TITLE).orElseThrow(),
                "TAG:ALBUM=" + info.tags().first(TagKey.ALBUM).orElseThrow(),
                "TAG:COMPOSER=" + info.tags().first(TagKey.COMPOSER).orElseThrow(),
                "TAG:COPYRIGHT=" + info.tags().first(TagKey.COPYRIGHT).orElseThrow());
    }

    @Test
    void ffmpegFlacWithAttachedPictureAndMetadata(@TempDir Path dir) throws Exception {
        Path cover = dir.resolve("cover.jpg");
        Path flac = dir.resolve("speech.flac");
        Tools.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=16x16", "-frames:v", "1", cover.toString());
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100:duration=3.3", "-i", cover.toString(),
                "-map", "0:a", "-map", "1:v", "-c:a", "flac", "-c:v", "copy", "-disposition:v", "attached_pic",
                "-metadata", "title=Made by ffmpeg", "-metadata", "artist=Ffmpeg Author", flac.toString());
        String durationTs = Tools.ffprobe("-select_streams", "a", "-show_entries", "stream=duration_ts", "-of", "csv=p=0", flac.toString());

        MediaInfo info;
        try (FileByteSource source = FileByteSource.open(flac)) {
            info = FlacProber.probe(source, 0);
            assertThat(info.cover().orElseThrow().read(source)).isEqualTo(Files.readAllBytes(cover));
        }
        assertThat(info.durationUs()).isEqualTo(Long.parseLong(durationTs.strip()) * 1_000_000L / 44_100);
        assertThat(info.cover().orElseThrow().mimeType()).isEqualTo("image/jpeg");
        assertThat(info.tags().first(TagKey.TITLE)).contains("Made by ffmpeg");
        assertThat(info.tags().first(TagKey.ARTIST)).contains("Ffmpeg Author");
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void startsAfterAnId3v2Tag() throws Exception {
        byte[] flac = Fixtures.bytes(TAGGED);
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 20};
        byte[] file = concat(id3, new byte[20], flac);

        MediaInfo info = FlacProber.probe(new ArrayByteSource(file), 30);

        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.audioStartByte()).isEqualTo(30 + TAGGED_FIRST_FRAME);
        assertThat(((CoverArt.InFile) info.cover().orElseThrow().location()).offset()).isGreaterThan(30);
        assertThat(FlacProber.looksLikeFlac(new ArrayByteSource(file), 30)).isTrue();
        assertThat(FlacProber.looksLikeFlac(new ArrayByteSource(file), 0)).isFalse();
    }

    @Test
    void unknownTotalSamplesAreCountedFromTheLastFrameHeader() throws Exception {
        byte[] flac = Fixtures.bytes(TAGGED);
        // STREAMINFO body starts at 8; total samples are the low 36 bits of bytes 18..25 of the body.
        flac[8 + 13] &= (byte) 0xF0;
        Arrays.fill(flac, 8 + 14, 8 + 18, (byte) 0);

        MediaInfo info = probe(flac);

        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.warnings()).singleElement().asString().contains("does not give the total samples", "4800 counted");
    }

    @Test
    void unknownTotalSamplesWithoutACompleteFrameLeavesTheDurationUnknown() throws Exception {
        byte[] flac = Fixtures.bytes(SINGLE_FRAME);
        flac[8 + 13] &= (byte) 0xF0;
        Arrays.fill(flac, 8 + 14, 8 + 18, (byte) 0);

        MediaInfo info = probe(Arrays.copyOf(flac, flac.length - 100));

        assertThat(info.durationUs()).isZero();
        assertThat(info.warnings()).anySatisfy(w -> assertThat(w).contains("the duration is unknown"));
    }

    @Test
    void fileCutAtAFrameBoundaryIsTruncatedToTheFramesPresent() throws Exception {
        MediaInfo info = probe(Arrays.copyOf(Fixtures.bytes(TAGGED), (int) TAGGED_LAST_FRAME));

        assertThat(info.durationUs()).isEqualTo(4096 * 1_000_000L / 8000);
        assertThat(info.audioEndByte()).isEqualTo(TAGGED_LAST_FRAME);
        assertThat(info.warnings()).singleElement().asString().contains("promises 4800 samples", "ends at sample 4096", "truncated");
    }

    @Test
    void fileCutInsideTheLastFrameCountsOnlyCompleteFrames() throws Exception {
        MediaInfo info = probe(Arrays.copyOf(Fixtures.bytes(TAGGED), (int) TAGGED_LAST_FRAME + 100));

        assertThat(info.durationUs()).isEqualTo(512_000);
        assertThat(info.audioEndByte()).isEqualTo(TAGGED_LAST_FRAME);
        assertThat(info.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("100 bytes after the last complete frame"));
    }

    @Test
    void trailingId3v1TagIsNotMistakenForAudio() throws Exception {
        byte[] flac = Fixtures.bytes(TAGGED);
        byte[] id3v1 = new byte[128];
        id3v1[0] = 'T';
        id3v1[1] = 'A';
        id3v1[2] = 'G';

        MediaInfo info = probe(concat(flac, id3v1));

        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.audioEndByte()).isEqualTo(flac.length);
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void singleFrameOfAnUncommonBlockSize() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(SINGLE_FRAME));

        assertThat(info.codecDetail()).isEqualTo("FLAC 24-bit");
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.durationUs()).isEqualTo(250_000);
        assertThat(info.warnings()).isEmpty();
        assertThat(info.seekIndex().seek(125_000).byteOffset()).isBetween(info.audioStartByte(), info.audioEndByte());
    }

    @Test
    void metadataBlockPastTheEndOfTheFileIsTruncated() {
        byte[] flac = Arrays.copyOf(Fixtures.bytes(TAGGED), 300);

        assertThatThrownBy(() -> probe(flac)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).isEqualTo(MediaError.TRUNCATED));
    }

    @Test
    void pictureDataLongerThanItsBlockIsDroppedWithAWarning() throws Exception {
        byte[] flac = Fixtures.bytes(TAGGED);
        int pictureLength = indexOf(flac, new byte[] {0, 0, 0, 96, (byte) 0x89, 'P', 'N', 'G'});
        flac[pictureLength + 2] = 0x7F; // data length 0x7F60 in a 142-byte block

        MediaInfo info = probe(flac);

        assertThat(info.cover()).isEmpty();
        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.warnings()).singleElement().asString().contains("PICTURE block", "picture data claims 32608 bytes");
    }

    @Test
    void vorbisCommentWithAHugeFieldCountKeepsWhatIsThere() throws Exception {
        byte[] flac = Fixtures.bytes(TAGGED);
        int count = indexOf(flac, new byte[] {28, 0, 0, 0, 19, 0, 0, 0, 'T', 'I', 'T', 'L', 'E'});
        flac[count + 3] = 0x7F; // 0x7F00001C fields

        MediaInfo info = probe(flac);

        assertThat(info.tags().first(TagKey.TITLE)).contains("The Tiny Book");
        assertThat(info.chapters()).hasSize(2);
        assertThat(info.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("Vorbis comment"));
    }

    @Test
    void rejectsWhatIsNotFlac() {
        assertError(new byte[0], MediaError.UNRECOGNIZED);
        assertError("fLaX and more bytes".getBytes(), MediaError.UNRECOGNIZED);
        byte[] notStreamInfoFirst = Fixtures.bytes(TAGGED);
        notStreamInfoFirst[4] = 1;
        assertError(notStreamInfoFirst, MediaError.CORRUPT);
        byte[] forbiddenType = Fixtures.bytes(TAGGED);
        forbiddenType[42] = 127;
        assertError(forbiddenType, MediaError.CORRUPT);
        byte[] zeroRate = Fixtures.bytes(TAGGED);
        Arrays.fill(zeroRate, 18, 20, (byte) 0);
        zeroRate[20] &= 0x0F;
        assertError(zeroRate, MediaError.CORRUPT);
        assertError(Arrays.copyOf(Fixtures.bytes(TAGGED), (int) TAGGED_FIRST_FRAME), MediaError.TRUNCATED);
    }

    @Test
    void survivesEveryTruncation() {
        HostileInput.Outcome outcome = HostileInput.everyTruncation(Fixtures.bytes(TAGGED), FlacProberTest::probeSource);

        assertThat(outcome.results()).isEqualTo((int) (Fixtures.bytes(TAGGED).length - TAGGED_FIRST_FRAME) - 1);
    }

    @Test
    void survivesRandomByteFlips() {
        HostileInput.Outcome tagged = HostileInput.randomFlips(Fixtures.bytes(TAGGED), 1, 3000, FlacProberTest::probeSource);
        HostileInput.Outcome single = HostileInput.randomFlips(Fixtures.bytes(SINGLE_FRAME), 2, 1000, FlacProberTest::probeSource);

        assertThat(tagged.results()).isGreaterThan(1000);
        assertThat(single.results()).isGreaterThan(300);
    }

    @Test
    void shortReadsGiveTheSameResultAndReadErrorsSurfaceAsIoExceptions() throws Exception {
        byte[] flac = Fixtures.bytes(TAGGED);
        MediaInfo whole = probe(flac);

        MediaInfo dribbled = FlacProber.probe(new FaultyByteSource(flac, 3, -1), 0);

        assertThat(MediaInfoDump.format(dribbled)).isEqualTo(MediaInfoDump.format(whole));
        assertThatThrownBy(() -> FlacProber.probe(new FaultyByteSource(flac, 4096, 2000), 0)).isInstanceOf(IOException.class);
    }

    private static MediaInfo probe(byte[] bytes) throws IOException, MediaException {
        return FlacProber.probe(new ArrayByteSource(bytes), 0);
    }

    private static MediaInfo probeSource(org.cyprus.media.io.ByteSource source) throws IOException, MediaException {
        return FlacProber.probe(source, 0);
    }

    private static void assertError(byte[] bytes, MediaError error) {
        assertThatThrownBy(() -> probe(bytes)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
