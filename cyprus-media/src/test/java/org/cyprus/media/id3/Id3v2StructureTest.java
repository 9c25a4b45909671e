package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.UTF16;
import static org.cyprus.media.id3.TagBytes.UTF8;
import static org.cyprus.media.id3.TagBytes.apicBody;
import static org.cyprus.media.id3.TagBytes.audio;
import static org.cyprus.media.id3.TagBytes.bytes;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.syncsafe;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;
import static org.cyprus.media.id3.TagBytes.unsynchronise;
import static org.cyprus.media.id3.TagBytes.zlib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.TagKey;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tag- and frame-level structure of ID3v2: versions, flags, unsynchronisation, compression, size quirks. */
class Id3v2StructureTest {
    private static final byte[] JPEG = TagBytes.jpeg(600, 1);
    private static final byte[] PNG = TagBytes.png(300, 2);

    @Test
    void v22WithThreeCharacterIdsAndPic() {
        byte[] body = concat(
                frame(2, "TT2", textBody(LATIN1, "Title")),
                frame(2, "TP1", textBody(UTF16, "Ärtist")),
                frame(2, "TAL", textBody(LATIN1, "Album")),
                frame(2, "TYE", textBody(LATIN1, "1998")),
                frame(2, "TRK", textBody(LATIN1, "2/7")),
                frame(2, "TCO", textBody(LATIN1, "(101)")),
                frame(2, "COM", TagBytes.commBody(LATIN1, "eng", "", "Comment")),
                frame(2, "TXX", TagBytes.txxxBody(LATIN1, "Narrator", "Reader")),
                frame(2, "PIC", TagBytes.picBody("JPG", 3, "", JPEG)),
                new byte[16]);
        byte[] file = concat(tag(2, 0, body), audio(500));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("Title");
        assertThat(result.tags().first(TagKey.ARTIST)).contains("Ärtist");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Album");
        assertThat(result.tags().first(TagKey.YEAR)).contains("1998");
        assertThat(result.tags().number(TagKey.TRACK)).hasValue(2);
        assertThat(result.tags().number(TagKey.TRACK_TOTAL)).hasValue(7);
        assertThat(result.tags().all(TagKey.GENRE)).containsExactly("Speech");
        assertThat(result.tags().first(TagKey.COMMENT)).contains("Comment");
        assertThat(result.tags().first(TagKey.NARRATOR)).contains("Reader");
        assertThat(result.audioStart()).isEqualTo(file.length - 500);
        CoverArt cover = result.cover().orElseThrow();
        assertThat(cover.mimeType()).isEqualTo("image/jpeg");
        assertThat(cover.location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(JPEG);
        assertThat(result.warnings()).isEmpty();
        GoldenFiles.assertMatches("id3/crafted-v22.txt", Reads.dump(file));
    }

    @Test
    void v24WholeTagUnsynchronisationWithExtendedHeader() {
        // id3v2.4.0-structure §3.1 flag a: every frame is unsynchronised; the extended header (with a CRC) is not.
        byte[] extendedHeader = concat(syncsafe(12), bytes(1, 0x20, 5, 0, 0, 0, 0, 0));
        byte[] frames = concat(
                frame(4, "TIT2", unsynchronise(textBody(UTF16, "ÿà title"))),
                frame(4, "APIC", unsynchronise(apicBody(LATIN1, "image/jpeg", 3, "", JPEG))),
                frame(4, "TPE1", unsynchronise(textBody(UTF8, "Artist"))));
        byte[] file = concat(tag(4, 0xC0, extendedHeader, frames, new byte[20]), audio(300));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("ÿà title");
        assertThat(result.tags().first(TagKey.ARTIST)).contains("Artist");
        CoverArt cover = result.cover().orElseThrow();
        assertThat(cover.location()).isInstanceOf(CoverArt.Inline.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(JPEG);
        assertThat(result.audioStart()).isEqualTo(file.length - 300);
        assertThat(result.warnings()).isEmpty();
        GoldenFiles.assertMatches("id3/crafted-v24-unsynchronised-extended-header.txt", Reads.dump(file));
    }

    @Test
    void v23UnsynchronisedTagWithApicGivesInlineCover() {
        // id3v2.3.0 §5: the whole tag after the header, frame headers included, is unsynchronised.
        byte[] frames = concat(
                frame(3, "TIT2", textBody(LATIN1, "Before")),
                frame(3, "APIC", apicBody(UTF16, "image/jpeg", 3, "Front", JPEG)),
                frame(3, "TALB", textBody(LATIN1, "After")));
        byte[] extendedHeader = concat(TagBytes.be32(10), bytes(0x80, 0), TagBytes.be32(0), bytes(0xFF, 0xE1, 0, 1));
        byte[] file = concat(tag(3, 0xC0, unsynchronise(concat(extendedHeader, frames))), audio(300));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("Before");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("After");
        assertThat(result.cover().orElseThrow().location()).isInstanceOf(CoverArt.Inline.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(JPEG);
        assertThat(result.warnings()).isEmpty();
        GoldenFiles.assertMatches("id3/crafted-v23-unsynchronised-apic.txt", Reads.dump(file));
    }

    @Test
    void v23TagUnsynchronisedFrameByFrameIsRecognised() {
        // Not what id3v2.3.0 §5 says, but what some writers did and how ffmpeg reads it: each body unsynchronised
        // alone, frame sizes counting the stored bytes.
        byte[] file = concat(tag(3, 0x80,
                frame(3, "TIT2", unsynchronise(textBody(UTF16, "ÿÿ per frame"))),
                frame(3, "APIC", unsynchronise(apicBody(LATIN1, "image/jpeg", 3, "", JPEG))),
                frame(3, "TALB", unsynchronise(textBody(LATIN1, "After")))), audio(300));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("ÿÿ per frame");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("After");
        assertThat(result.cover().orElseThrow().location()).isInstanceOf(CoverArt.Inline.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(JPEG);
        assertThat(result.warnings()).singleElement().asString().contains("frame by frame");
    }

    @Test
    void v23UnsynchronisedFlagWithNothingToUndoKeepsCoverInFile() {
        byte[] frames = concat(frame(3, "APIC", apicBody(LATIN1, "image/png", 3, "", PNG)));
        byte[] stored = unsynchronise(frames);
        assertThat(stored).isEqualTo(frames);
        byte[] file = concat(tag(3, 0x80, stored), audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.cover().orElseThrow().location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(PNG);
    }

    @Test
    void perFrameUnsynchronisationAndDataLengthIndicator() {
        // id3v2.4.0-structure §4.1.2 flags n and p: the data length indicator precedes the (unsynchronised) data.
        byte[] picture = apicBody(LATIN1, "image/jpeg", 0, "", JPEG);
        byte[] pictureWithLength = concat(syncsafe(picture.length), picture);
        byte[] title = textBody(LATIN1, "Title");
        byte[] png = apicBody(LATIN1, "image/png", 3, "", PNG);
        byte[] file = concat(tag(4, 0,
                frame(4, "APIC", 0x0003, unsynchronise(pictureWithLength)),
                frame(4, "TIT2", 0x0001, concat(syncsafe(title.length), title)),
                frame(4, "APIC", 0x0001, concat(syncsafe(png.length), png))), audio(200));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("Title");
        CoverArt cover = result.cover().orElseThrow();
        assertThat(cover.mimeType()).as("type 3 wins over the first picture").isEqualTo("image/png");
        assertThat(cover.location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(PNG);
        assertThat(result.warnings()).isEmpty();
        String dump = Reads.dump(file);
        assertThat(dump).contains("picture type=0 declared=\"image/jpeg\" description=\"\" image/jpeg 600 bytes inline");
        GoldenFiles.assertMatches("id3/crafted-v24-frame-unsynchronisation.txt", dump);
    }

    @Test
    void unsynchronisedFrameWithoutFfSequencesStaysInFile() {
        byte[] png = apicBody(LATIN1, "image/png", 3, "", PNG);
        byte[] file = concat(tag(4, 0, frame(4, "APIC", 0x0002, unsynchronise(png))), audio(100));
        assertThat(unsynchronise(png)).isEqualTo(png);
        Id3Result result = Reads.read(file);
        assertThat(result.cover().orElseThrow().location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(PNG);
    }

    @Test
    void longPictureDescriptionsAreReadUpToALimit() {
        byte[] file = concat(tag(4, 0,
                frame(4, "APIC", apicBody(LATIN1, "image/png", 3, "d".repeat(3000), PNG)),
                frame(4, "APIC", apicBody(LATIN1, "image/jpeg", 3, "e".repeat(70_000), JPEG))), audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.cover().orElseThrow().location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(PNG);
        assertThat(result.warnings()).singleElement().asString().contains("unreadable picture header");
    }

    @Test
    void compressedFramesInV24AndV23() {
        byte[] title = textBody(UTF8, "Compressed title");
        byte[] picture = apicBody(LATIN1, "image/jpeg", 3, "", JPEG);
        byte[] v24 = tag(4, 0,
                frame(4, "TIT2", 0x0009, concat(syncsafe(title.length), zlib(title))),
                frame(4, "APIC", 0x0009, concat(syncsafe(picture.length), zlib(picture))));
        byte[] album = textBody(LATIN1, "Compressed album");
        byte[] v23 = tag(3, 0, frame(3, "TALB", 0x0080, concat(TagBytes.be32(album.length), zlib(album))));
        byte[] file = concat(v24, v23, audio(100));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("Compressed title");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Compressed album");
        assertThat(result.cover().orElseThrow().location()).isInstanceOf(CoverArt.Inline.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(JPEG);
        assertThat(result.warnings()).isEmpty();
        GoldenFiles.assertMatches("id3/crafted-compressed-frames.txt", Reads.dump(file));
    }

    @Test
    void corruptAndExplodingCompressedFramesAreSkipped() {
        byte[] bomb = zlib(new byte[40 << 20]);
        byte[] file = concat(tag(4, 0,
                frame(4, "TIT2", 0x0008, bytes(1, 2, 3, 4, 5, 6)),
                frame(4, "TALB", 0x0009, concat(syncsafe(40 << 20), bomb)),
                frame(4, "TPE1", textBody(LATIN1, "Still read"))), audio(100));
        Id3Result result = Reads.read(file);
        assertThat(bomb.length).isLessThan(100_000);
        assertThat(result.tags().first(TagKey.ARTIST)).contains("Still read");
        assertThat(result.tags().first(TagKey.TITLE)).isEmpty();
        assertThat(result.tags().first(TagKey.ALBUM)).isEmpty();
        assertThat(result.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("TIT2").contains("zlib"))
                .anySatisfy(w -> assertThat(w).contains("TALB").contains("expands past"));
    }

    @Test
    void itunesPlainFrameSizesInV24() {
        byte[] picture = apicBody(LATIN1, "image/png", 3, "", PNG);
        byte[] file = concat(tag(4, 0,
                TagBytes.framePlainSize("TIT2", textBody(LATIN1, "iTunes")),
                TagBytes.framePlainSize("APIC", picture),
                TagBytes.framePlainSize("TALB", textBody(LATIN1, "x".repeat(200))),
                new byte[64]), audio(100));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().first(TagKey.TITLE)).contains("iTunes");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("x".repeat(200));
        assertThat(Reads.coverBytes(result, file)).isEqualTo(PNG);
        assertThat(result.warnings()).singleElement().asString().contains("iTunes");
        GoldenFiles.assertMatches("id3/crafted-v24-itunes-plain-sizes.txt", Reads.dump(file));
    }

    @Test
    void syncsafeSizesOver127AreNotMistakenForPlainOnes() {
        byte[] file = concat(tag(4, 0,
                frame(4, "TALB", textBody(LATIN1, "y".repeat(300))),
                frame(4, "TIT2", textBody(LATIN1, "After"))), audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.tags().first(TagKey.ALBUM)).contains("y".repeat(300));
        assertThat(result.tags().first(TagKey.TITLE)).contains("After");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void twoTagsBackToBackFirstWinsPerKey() throws IOException {
        byte[] first = tag(4, 0, frame(4, "TIT2", textBody(LATIN1, "First")), frame(4, "TPE1", textBody(LATIN1, "A")));
        byte[] second = tag(3, 0, frame(3, "TIT2", textBody(LATIN1, "Second")),
                frame(3, "TALB", textBody(LATIN1, "Album of the second")), new byte[100]);
        byte[] file = concat(first, second, audio(300));
        Id3Result result = Reads.read(file);

        assertThat(result.tags().all(TagKey.TITLE)).containsExactly("First");
        assertThat(result.tags().first(TagKey.ARTIST)).contains("A");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Album of the second");
        assertThat(result.audioStart()).isEqualTo(first.length + second.length);
        assertThat(Id3Reader.skipLeadingTags(new org.cyprus.media.io.ArrayByteSource(file)))
                .isEqualTo(result.audioStart());
        GoldenFiles.assertMatches("id3/crafted-two-tags.txt", Reads.dump(file));
    }

    @Test
    void v24TagWithFooterEndsAfterTheFooter() {
        byte[] tagged = TagBytes.tagWithFooter(0, frame(4, "TIT2", textBody(LATIN1, "Footer")));
        byte[] file = concat(tagged, audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.audioStart()).isEqualTo(tagged.length);
        assertThat(result.tags().first(TagKey.TITLE)).contains("Footer");
        assertThat(result.audioEnd()).isEqualTo(file.length);
    }

    @Test
    void encryptedFrameSkippedAndGroupedFrameRead() {
        byte[] file = concat(tag(4, 0,
                frame(4, "TIT2", 0x0004, concat(bytes(0x80), textBody(LATIN1, "secret"))),
                frame(4, "TALB", 0x0040, concat(bytes(7), textBody(LATIN1, "Grouped")))), audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.tags().first(TagKey.TITLE)).isEmpty();
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Grouped");
        assertThat(result.warnings()).singleElement().asString().contains("encrypted");
    }

    @Test
    void unknownMajorVersionIsSkippedAsAWhole() {
        byte[] v5 = tag(5, 0, frame(4, "TIT2", textBody(LATIN1, "future")));
        byte[] file = concat(v5, audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.audioStart()).isEqualTo(v5.length);
        assertThat(result.tags().isEmpty()).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("unknown version");
    }

    @Test
    void compressedV22TagIsIgnoredButSkipped() {
        byte[] v22 = tag(2, 0x40, frame(2, "TT2", textBody(LATIN1, "packed")));
        Id3Result result = Reads.read(concat(v22, audio(100)));
        assertThat(result.audioStart()).isEqualTo(v22.length);
        assertThat(result.tags().isEmpty()).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("compressed");
    }

    @Test
    void bigApicBeforeTheAudioStaysInTheFile(@TempDir Path temp) throws IOException, MediaException {
        byte[] picture = TagBytes.jpeg(300 * 1024, 3);
        byte[] apic = frame(3, "APIC", apicBody(UTF16, "image/jpeg", 3, "Cover", picture));
        byte[] title = frame(3, "TIT2", textBody(LATIN1, "Big"));
        byte[] tagged = tag(3, 0, title, apic, new byte[1024]);
        Path file = temp.resolve("big-apic.mp3");
        Files.write(file, concat(tagged, audio(4096)));
        long expectedOffset = 10 + title.length + 10 + 1 + "image/jpeg".length() + 1 + 1 + 2 + "Cover".length() * 2 + 2;

        try (FileByteSource source = FileByteSource.open(file)) {
            CountingSource counting = new CountingSource(source);
            Id3Result result = Id3Reader.read(counting);
            assertThat(counting.bytesRead).as("bytes read to find the cover").isLessThan(8_000);
            CoverArt cover = result.cover().orElseThrow();
            assertThat(cover.location()).isEqualTo(new CoverArt.InFile(expectedOffset));
            assertThat(cover.sizeBytes()).isEqualTo(picture.length);
            assertThat(cover.read(source)).isEqualTo(picture);
            assertThat(result.audioStart()).isEqualTo(tagged.length);
            assertThat(result.tags().first(TagKey.TITLE)).contains("Big");
        }
    }

    /** Counts the bytes a read asks for. */
    private static final class CountingSource implements ByteSource {
        private final ByteSource source;
        long bytesRead;

        CountingSource(ByteSource source) {
            this.source = source;
        }

        @Override
        public long size() {
            return source.size();
        }

        @Override
        public int read(long position, ByteBuffer dst) throws IOException {
            int n = source.read(position, dst);
            bytesRead += Math.max(0, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
