package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.UTF16;
import static org.cyprus.media.id3.TagBytes.audio;
import static org.cyprus.media.id3.TagBytes.chapBody;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.ctocBody;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;

import java.util.List;
import org.cyprus.media.Chapter;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** CHAP and CTOC frames (ID3v2 Chapter Frame Addendum) crafted in every order and shape. */
class ChapterTest {

    private static byte[] chap(String id, long startMs, long endMs, String title) {
        return frame(4, "CHAP", chapBody(id, startMs, endMs, frame(4, "TIT2", textBody(UTF16, title))));
    }

    private static byte[] ctoc(String id, boolean topLevel, String... children) {
        return frame(4, "CTOC", ctocBody(id, topLevel, true, List.of(children)));
    }

    private static Id3Result read(byte[]... frames) {
        return Reads.read(concat(tag(4, 0, frames), audio(100)));
    }

    @Test
    void framesInAnyOrderWithNestedTableAndDanglingReference() {
        byte[] file = concat(tag(4, 0,
                chap("c4", 30_000, 40_000, "Four"),
                ctoc("part2", false, "c2", "c3"),
                chap("c3", 20_000, 30_000, "Three"),
                ctoc("root", true, "c1", "part2", "missing", "c4"),
                chap("c2", 10_000, 20_000, "Two"),
                chap("c1", 0, 10_000, "One")), audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.chapters()).containsExactly(
                new Chapter("One", 0, 10_000_000), new Chapter("Two", 10_000_000, 20_000_000),
                new Chapter("Three", 20_000_000, 30_000_000), new Chapter("Four", 30_000_000, 40_000_000));
        assertThat(result.warnings()).singleElement().asString().contains("\"missing\"");
        GoldenFiles.assertMatches("id3/crafted-chapters-nested-toc.txt", Reads.dump(file));
    }

    @Test
    void tableOrderIsKeptEvenWhenNotChronological() {
        Id3Result result = read(ctoc("toc", true, "b", "a"), chap("a", 0, 1000, "A"), chap("b", 1000, 2000, "B"));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("B", "A");
    }

    @Test
    void withoutTableOfContentsChaptersAreInStartOrder() {
        Id3Result result = read(chap("x", 5000, 9000, "Late"), chap("y", 0, 5000, "Early"));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("Early", "Late");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void rootIsTheTableNoOtherListsWhenNoneIsFlaggedTopLevel() {
        Id3Result result = read(ctoc("inner", false, "b"), ctoc("outer", false, "a", "inner"),
                chap("a", 0, 1000, "A"), chap("b", 1000, 2000, "B"));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("A", "B");
    }

    @Test
    void cyclicTablesDoNotLoop() {
        Id3Result result = read(ctoc("t1", true, "a", "t2"), ctoc("t2", false, "t1", "b"),
                chap("a", 0, 1000, "A"), chap("b", 1000, 2000, "B"));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("A", "B");
        assertThat(result.warnings()).singleElement().asString().contains("listed twice");
    }

    @Test
    void endBeforeStartAndOverlapsAreClamped() {
        Id3Result result = read(chap("a", 0, 0xFFFFFFFFL, "Overlapping"), chap("b", 5000, 1000, "Backwards"),
                chap("c", 8000, 7000, "Last backwards"));
        assertThat(result.chapters()).containsExactly(
                new Chapter("Overlapping", 0, 5_000_000),
                new Chapter("Backwards", 5_000_000, 8_000_000),
                new Chapter("Last backwards", 8_000_000, 8_000_000));
        assertThat(result.warnings()).hasSize(3);
    }

    @Test
    void titlesMayBeMissingEmptyOrOnlyASubtitle() {
        Id3Result result = read(
                frame(4, "CHAP", chapBody("a", 0, 1000)),
                frame(4, "CHAP", chapBody("b", 1000, 2000, frame(4, "TIT2", textBody(LATIN1, "")))),
                frame(4, "CHAP", chapBody("c", 2000, 3000, frame(4, "TIT3", textBody(LATIN1, "Only subtitle")))),
                frame(4, "CHAP", chapBody("d", 3000, 4000, frame(4, "TIT2", textBody(LATIN1, "Title")),
                        frame(4, "TIT3", textBody(LATIN1, "Subtitle")))));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("", "", "Only subtitle", "Title");
    }

    @Test
    void v23ChaptersWithPlainSizesAndChapterPicturesAreNotTheCover() {
        byte[] picture = frame(3, "APIC", TagBytes.apicBody(LATIN1, "image/png", 3, "", TagBytes.png(200, 9)));
        byte[] file = concat(tag(3, 0,
                frame(3, "CHAP", chapBody("a", 0, 1000, frame(3, "TIT2", textBody(LATIN1, "Pictured")), picture))),
                audio(100));
        Id3Result result = Reads.read(file);
        assertThat(result.chapters()).containsExactly(new Chapter("Pictured", 0, 1_000_000));
        assertThat(result.cover()).isEmpty();
    }

    @Test
    void duplicateElementIdsKeepTheFirst() {
        Id3Result result = read(chap("a", 0, 1000, "First"), chap("a", 5000, 6000, "Second"));
        assertThat(result.chapters()).containsExactly(new Chapter("First", 0, 1_000_000));
        assertThat(result.warnings()).singleElement().asString().contains("used twice");
    }

    @Test
    void chaptersOutsideTheTableAreLeftOutWithAWarning() {
        Id3Result result = read(ctoc("toc", true, "a"), chap("a", 0, 1000, "Listed"), chap("b", 1000, 2000, "Not"));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("Listed");
        assertThat(result.warnings()).singleElement().asString().contains("not in the table of contents");
    }

    @Test
    void tableWithFewerEntriesThanItsCountKeepsWhatItHas() {
        byte[] body = ctocBody("toc", true, true, List.of("a"));
        body[5] = (byte) 200;
        Id3Result result = read(frame(4, "CTOC", body), chap("a", 0, 1000, "A"));
        assertThat(result.chapters()).extracting(Chapter::title).containsExactly("A");
        assertThat(result.warnings()).singleElement().asString().contains("lists 200 entries but holds 1");
    }
}
