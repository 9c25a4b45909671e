package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryPathsTest {
    @TempDir
    Path dir;

    @Test
    void resolvesOrdinaryPathsInsideTheRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("books"));

        assertThat(LibraryPaths.resolveInside(root, "Author/Title")).isEqualTo(root.resolve("Author/Title"));
        assertThat(LibraryPaths.resolveInside(root, "")).isEqualTo(root);
        assertThat(LibraryPaths.resolveInside(root, "Émile Zola/La Bête humaine")).isEqualTo(root.resolve("Émile Zola").resolve("La Bête humaine"));
    }

    @Test
    void refusesEveryWayOut() throws IOException {
        Path root = Files.createDirectories(dir.resolve("books"));
        for (String bad : List.of("..", "../books-private", "a/../../etc", "./a", "a//b", "/etc/passwd", "a\\..\\b", "a\0b",
                ".hidden", "a/.git", "%2e%2e")) {
            if (bad.equals("%2e%2e")) {
                // percent-encoding is not decoded here: it is just an odd but harmless name
                assertThat(LibraryPaths.resolveInside(root, bad)).isEqualTo(root.resolve("%2e%2e"));
                continue;
            }
            assertThatThrownBy(() -> LibraryPaths.resolveInside(root, bad)).as(bad).isInstanceOf(LibraryException.class);
        }
    }

    @Test
    void refusesSymbolicLinksEvenIntoTheRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("books"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("link"), dir.resolve("elsewhere"));

        assertThatThrownBy(() -> LibraryPaths.resolveInside(root, "link/x")).isInstanceOf(LibraryException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void siblingPrefixesAreNotInside() throws IOException {
        Path books = Files.createDirectories(dir.resolve("books"));
        Path privateBooks = Files.createDirectories(dir.resolve("books-private"));
        List<Library.Root> roots = List.of(new Library.Root(1, books));

        assertThat(LibraryPaths.rootOf(roots, privateBooks.resolve("secret.mp3"))).isEmpty();
        assertThat(LibraryPaths.rootOf(roots, books.resolve("x/y.mp3"))).isPresent();
    }
}
