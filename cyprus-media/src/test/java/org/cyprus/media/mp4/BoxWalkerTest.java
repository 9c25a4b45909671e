package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.junit.jupiter.api.Test;

/** Box headers by hand (ISO/IEC 14496-12 §4.2). */
class BoxWalkerTest {
    private final Warnings warnings = new Warnings();

    private List<Box> top(byte[] file) throws IOException, MediaException {
        return new BoxWalker(new ArrayByteSource(file), warnings).topLevel();
    }

    @Test
    void readsCompactLargeAndToTheEndSizes() throws IOException, MediaException {
        byte[] file = Bytes.concat(
                Bytes.box("ftyp", Bytes.of().fourCc("M4B ").u32(0).array()),
                Bytes.of().u32(1).fourCc("free").u64(16 + 4).u32(0xCAFE).array(),
                Bytes.of().u32(0).fourCc("mdat").zeros(10).array());
        List<Box> boxes = top(file);
        assertThat(boxes).extracting(Box::name).containsExactly("ftyp", "free", "mdat");
        assertThat(boxes.get(1)).isEqualTo(new Box(BoxType.FREE, 16, 20, 16, false));
        assertThat(boxes.get(2)).isEqualTo(new Box(BoxType.MDAT, 36, 18, 8, false));
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void uuidBoxesHaveTheirUserTypeInTheHeader() throws IOException, MediaException {
        byte[] file = Bytes.box("uuid", new byte[16], new byte[4]);
        assertThat(top(file).getFirst().headerBytes()).isEqualTo(24);
        assertThat(top(file).getFirst().contentBytes()).isEqualTo(4);
    }

    @Test
    void sizeZeroInsideAParentRunsToTheParentsEnd() throws IOException, MediaException {
        byte[] file = Bytes.box("moov", Bytes.box("mvhd", new byte[4]), Bytes.of().u32(0).fourCc("udta").zeros(6).array());
        BoxWalker walker = new BoxWalker(new ArrayByteSource(file), warnings);
        List<Box> children = walker.children(walker.topLevel().getFirst());
        assertThat(children.get(1)).isEqualTo(new Box(BoxType.UDTA, 20, 14, 8, false));
    }

    @Test
    void aChildPastItsParentIsCorrupt() throws IOException, MediaException {
        byte[] file = Bytes.box("moov", Bytes.of().u32(100).fourCc("trak").zeros(8).array());
        BoxWalker walker = new BoxWalker(new ArrayByteSource(file), warnings);
        Box moov = walker.topLevel().getFirst();
        assertThatThrownBy(() -> walker.children(moov)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
    }

    @Test
    void aTopLevelBoxPastTheEndIsTruncatedWithAWarning() throws IOException, MediaException {
        byte[] file = Bytes.concat(Bytes.box("ftyp", new byte[8]), Bytes.of().u32(1000).fourCc("mdat").zeros(20).array());
        Box mdat = top(file).get(1);
        assertThat(mdat.truncated()).isTrue();
        assertThat(mdat.sizeBytes()).isEqualTo(28);
        assertThat(warnings.list()).singleElement().asString().contains("mdat", "truncated");
    }

    @Test
    void childrenOfATruncatedBoxMayBeTruncatedToo() throws IOException, MediaException {
        byte[] file = Bytes.of().u32(1000).fourCc("moov").u32(500).fourCc("trak").zeros(10).array();
        BoxWalker walker = new BoxWalker(new ArrayByteSource(file), warnings);
        Box trak = walker.children(walker.topLevel().getFirst()).getFirst();
        assertThat(trak.truncated()).isTrue();
        assertThat(trak.end()).isEqualTo(file.length);
    }

    @Test
    void impossibleSizesAreCorrupt() {
        for (byte[] file : List.of(
                Bytes.of().u32(4).fourCc("ftyp").zeros(8).array(),
                Bytes.of().u32(1).fourCc("ftyp").u64(-5).zeros(8).array(),
                Bytes.of().u32(1).fourCc("ftyp").u64(12).zeros(8).array(),
                Bytes.of().u32(20).fourCc("uuid").zeros(16).array())) {
            assertThatThrownBy(() -> top(file)).isInstanceOfSatisfying(MediaException.class,
                    e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
        }
    }

    @Test
    void junkAfterTheLastTopLevelBoxIsIgnoredWithAWarning() throws IOException, MediaException {
        byte[] file = Bytes.concat(Bytes.box("ftyp", new byte[8]), Bytes.of().u32(3).fourCc("junk").zeros(2).array());
        assertThat(top(file)).hasSize(1);
        assertThat(warnings.list()).singleElement().asString().contains("junk at offset 16", "impossible size 3");
        byte[] tail = Bytes.concat(Bytes.box("ftyp", new byte[8]), new byte[] {1, 2, 3});
        assertThat(top(tail)).hasSize(1);
        assertThat(warnings.list()).last().asString().contains("3 stray bytes at offset 16");
    }

    @Test
    void damageInAnOptionalContainerKeepsWhatCameBefore() throws IOException, MediaException {
        byte[] file = Bytes.box("udta", Bytes.box("name", new byte[2]), Bytes.of().u32(99).fourCc("chpl").zeros(4).array());
        BoxWalker walker = new BoxWalker(new ArrayByteSource(file), warnings);
        Box udta = walker.topLevel().getFirst();
        assertThat(walker.childrenUpToDamage(udta, 0)).extracting(Box::name).containsExactly("name");
        assertThat(warnings.list()).singleElement().asString().contains("chpl at offset 18", "skipped from there on");
        assertThatThrownBy(() -> walker.children(udta)).isInstanceOf(MediaException.class);
    }

    @Test
    void quickTimeZeroTerminatorsAreQuiet() throws IOException, MediaException {
        byte[] file = Bytes.box("udta", Bytes.box("name", new byte[2]), new byte[4]);
        BoxWalker walker = new BoxWalker(new ArrayByteSource(file), warnings);
        assertThat(walker.children(walker.topLevel().getFirst())).hasSize(1);
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void theNumberOfBoxesIsBounded() {
        byte[] file = new byte[8 * (BoxWalker.MAX_BOXES + 1)];
        for (int i = 0; i < file.length; i += 8) {
            file[i + 3] = 8;
            file[i + 4] = 'f';
            file[i + 5] = 'r';
            file[i + 6] = 'e';
            file[i + 7] = 'e';
        }
        assertThatThrownBy(() -> top(file)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.getMessage()).contains("more than " + BoxWalker.MAX_BOXES));
    }
}
