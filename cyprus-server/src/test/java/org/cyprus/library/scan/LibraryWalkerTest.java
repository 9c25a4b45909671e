package org.cyprus.library.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryWalkerTest {
    @TempDir
    Path root;

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Path file = root.resolve(p);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
    }

    private Map<String, List<String>> walk() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> books = LibraryWalker.walk(root, root, problems::add).stream().collect(Collectors.toMap(
                BookFolder::key, b -> b.audioFiles().stream().map(b::relative).toList()));
        assertThat(problems).isEmpty();
        return books;
    }

    @Test
    void deepestFolderWithAudioIsABookAndDiscFoldersFoldIn() throws IOException {
        touch("Author/Series/1 - Book/CD1/01.mp3", "Author/Series/1 - Book/CD2/01.mp3", "Author/Series/1 - Book/Disc 3/a.mp3",
                "Author/Series/1 - Book/Part 4/x.mp3", "Author/Other/track.m4a");

        Map<String, List<String>> books = walk();

        assertThat(books).containsOnlyKeys("Author/Series/1 - Book", "Author/Other");
        assertThat(books.get("Author/Series/1 - Book")).containsExactlyInAnyOrder("Author/Series/1 - Book/CD1/01.mp3",
                "Author/Series/1 - Book/CD2/01.mp3", "Author/Series/1 - Book/Disc 3/a.mp3", "Author/Series/1 - Book/Part 4/x.mp3");
    }

    @Test
    void filesAtTheRootAreBooksOfTheirOwn() throws IOException {
        touch("One.mp3", "Two.m4b", "cover.jpg");

        Map<String, List<String>> books = walk();

        assertThat(books).containsOnlyKeys("One.mp3", "Two.m4b");
        List<BookFolder> found = LibraryWalker.walk(root, root, p -> { });
        assertThat(found).allMatch(BookFolder::singleFile);
        assertThat(found.stream().map(b -> b.segments().getFirst()).toList()).containsExactlyInAnyOrder("One", "Two");
    }

    @Test
    void severalM4bsSideBySideAreSeparateBooks() throws IOException {
        touch("Author/Book One.m4b", "Author/Book Two.m4b");

        assertThat(walk()).containsOnlyKeys("Author/Book One.m4b", "Author/Book Two.m4b");
    }

    @Test
    void hiddenIgnoredSystemAndUnfinishedEntriesAreSkipped() throws IOException {
        touch(".hidden/a.mp3", "Book/.secret.mp3", "Book/real.mp3", "Skip/.ignore", "Skip/a.mp3", "Skip/Deeper/b.mp3",
                "@eaDir/thumb.mp3", "Dl/file.mp3.part", "Dl/other.tmp", "Text/readme.txt");

        assertThat(walk()).containsOnlyKeys("Book");
        assertThat(walk().get("Book")).containsExactly("Book/real.mp3");
    }

    @Test
    void symbolicLinksAreNotFollowed() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("leak.mp3"), "x");
        Files.createSymbolicLink(root.resolve("Linked"), outside);
        touch("Real/a.mp3");

        assertThat(walk()).containsOnlyKeys("Real");
    }

    @Test
    void aSubFolderScanFindsOnlyItsBooksAndFoldsADiscFolderIntoItsBook() throws IOException {
        touch("A/Book/CD1/01.mp3", "A/Book/CD2/01.mp3", "B/Other/01.mp3");

        List<BookFolder> inA = LibraryWalker.walk(root, root.resolve("A"), p -> { });
        List<BookFolder> inDisc = LibraryWalker.walk(root, root.resolve("A/Book/CD2"), p -> { });
        List<BookFolder> inGone = LibraryWalker.walk(root, root.resolve("Gone"), p -> { });

        assertThat(inA).extracting(BookFolder::key).containsExactly("A/Book");
        assertThat(inDisc).extracting(BookFolder::key).containsExactly("A/Book");
        assertThat(inDisc.getFirst().audioFiles()).hasSize(2);
        assertThat(inGone).isEmpty();
    }
}
