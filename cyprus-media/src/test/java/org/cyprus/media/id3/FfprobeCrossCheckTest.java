package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.UTF16;
import static org.cyprus.media.id3.TagBytes.UTF16BE;
import static org.cyprus.media.id3.TagBytes.UTF8;
import static org.cyprus.media.id3.TagBytes.apicBody;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.syncsafe;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;
import static org.cyprus.media.id3.TagBytes.unsynchronise;
import static org.cyprus.media.id3.TagBytes.zlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted tags in front of real MP3 audio: what ffprobe reads must be what we read. Not cross-checked here: a v2.3
 * tag with whole-tag unsynchronisation as id3v2.3.0 §5 describes it (and libid3tag, TagLib and mutagen read it),
 * which ffmpeg 5.1 reads frame by frame with sizes counting the stored bytes, losing the frames after the first
 * $FF; {@link Id3v2StructureTest} covers that case. The frame-by-frame variant ffmpeg expects is cross-checked.
 */
class FfprobeCrossCheckTest {
    @TempDir
    Path temp;

    static Stream<Arguments> craftedTags() {
        byte[] jpeg = TagBytes.jpeg(400, 7);
        byte[] title = textBody(UTF8, "Compressed ä");
        byte[] picture = apicBody(LATIN1, "image/jpeg", 3, "", jpeg);
        return Stream.of(
                Arguments.of("v2.2", tag(2, 0, frame(2, "TT2", textBody(LATIN1, "Two two")),
                        frame(2, "TAL", textBody(UTF16, "Album ß")), frame(2, "TP1", textBody(LATIN1, "Artist")))),
                Arguments.of("v2.3 unsynchronised frame by frame", tag(3, 0x80,
                        frame(3, "TIT2", unsynchronise(textBody(UTF16, "ÿÿ unsync"))),
                        frame(3, "APIC", unsynchronise(picture)), frame(3, "TALB", textBody(LATIN1, "After picture")),
                        frame(3, "TPE1", unsynchronise(textBody(UTF16, "Ärtist"))))),
                Arguments.of("v2.4 unsynchronised", tag(4, 0x80,
                        frame(4, "TIT2", unsynchronise(textBody(LATIN1, "ÿÿ four"))),
                        frame(4, "APIC", unsynchronise(picture)), frame(4, "TALB", textBody(UTF16BE, "Big endian")),
                        frame(4, "TPE1", textBody(UTF8, "Artist")))),
                Arguments.of("v2.4 compressed", tag(4, 0,
                        frame(4, "TIT2", 0x0009, concat(syncsafe(title.length), zlib(title))),
                        frame(4, "TALB", 0x0003, unsynchronise(concat(syncsafe(7), textBody(LATIN1, "ÿlbum")))),
                        frame(4, "TPE1", textBody(UTF16, "Artist")))),
                Arguments.of("v2.4 iTunes sizes", tag(4, 0,
                        TagBytes.framePlainSize("TIT2", textBody(LATIN1, "iTunes")),
                        TagBytes.framePlainSize("APIC", picture),
                        TagBytes.framePlainSize("TALB", textBody(LATIN1, "Album " + "z".repeat(150))),
                        TagBytes.framePlainSize("TPE1", textBody(LATIN1, "Artist")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedTags")
    void ffprobeReadsWhatWeRead(String name, byte[] crafted) throws IOException {
        byte[] mp3 = Fixtures.bytes("id3/lame-id3v1-only.mp3");
        byte[] file = concat(crafted, Arrays.copyOf(mp3, mp3.length - 128));
        Path path = temp.resolve("crafted.mp3");
        Files.write(path, file);

        Tags tags = Reads.read(file).tags();
        Map<String, String> probe = ffprobeTags(path);
        assertThat(tags.first(TagKey.TITLE)).contains(probe.get("title"));
        assertThat(tags.first(TagKey.ALBUM)).contains(probe.get("album"));
        assertThat(tags.first(TagKey.ARTIST)).contains(probe.get("artist"));
    }

    private static Map<String, String> ffprobeTags(Path file) {
        Map<String, String> tags = new LinkedHashMap<>();
        Tools.ffprobe("-show_entries", "format_tags", "-of", "default=noprint_wrappers=1", file.toString())
                .lines().filter(l -> l.startsWith("TAG:")).forEach(l -> {
                    int eq = l.indexOf('=');
                    tags.put(l.substring(4, eq), l.substring(eq + 1));
                });
        return tags;
    }
}
