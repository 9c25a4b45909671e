package org.cyprus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cyprus.testing.CyprusProcess;
import org.cyprus.testing.LibraryFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cyprus library add}, {@code library list} and {@code scan} on the server's data, from the command line. */
class LibraryCommandIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    Path books;

    @BeforeEach
    void library() {
        books = LibraryFixture.create(work.resolve("books"));
    }

    @Test
    void addListAndRescanWithProgress() throws Exception {
        String data = "--data-dir=" + work.resolve("data");
        try (CyprusProcess add = CyprusProcess.start(work, "library", "add", data, "Home Books", books.toString())) {
            assertThat(add.waitFor(TIMEOUT)).as(add.output()).isZero();
            assertThat(add.output())
                    .contains("Created library 'Home Books' (id 1) over " + books.toRealPath())
                    .contains("Scanning Home Books [")
                    .contains("Scanned 'Home Books'")
                    .contains("5 books found, 5 added")
                    .contains("bad.mp3");
        }
        try (CyprusProcess list = CyprusProcess.start(work, "library", "list", data)) {
            assertThat(list.waitFor(TIMEOUT)).isZero();
            assertThat(list.output()).contains("1\tHome Books\t5 books\t" + books.toRealPath());
        }
        try (CyprusProcess scan = CyprusProcess.start(work, "scan", data, "Home Books")) {
            assertThat(scan.waitFor(TIMEOUT)).isZero();
            assertThat(scan.output()).contains("0 added, 0 updated, 5 unchanged, 0 missing; 0 files read");
        }
        Files.delete(books.resolve("Loose Tale.mp3"));
        try (CyprusProcess scan = CyprusProcess.start(work, "scan", data, "1")) {
            assertThat(scan.waitFor(TIMEOUT)).isZero();
            assertThat(scan.output()).contains("1 missing");
        }
    }

    @Test
    void mistakesAreClear() throws Exception {
        String data = "--data-dir=" + work.resolve("data");
        try (CyprusProcess missing = CyprusProcess.start(work, "library", "add", data, "Nowhere", work.resolve("nope").toString())) {
            assertThat(missing.waitFor(TIMEOUT)).isEqualTo(2);
            assertThat(missing.output()).contains("does not exist").doesNotContain("\tat ");
        }
        try (CyprusProcess unknown = CyprusProcess.start(work, "scan", data, "No Such Library")) {
            assertThat(unknown.waitFor(TIMEOUT)).isEqualTo(2);
            assertThat(unknown.output()).contains("there is no library named 'No Such Library'");
        }
    }
}
