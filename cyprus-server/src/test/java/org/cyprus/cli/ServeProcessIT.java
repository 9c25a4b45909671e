package org.cyprus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.testing.CyprusProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server as its operator meets it: starting, refusing bad input clearly, stopping cleanly. */
class ServeProcessIT {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Pattern READY = Pattern.compile("ready at http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path work;

    private static int port(String readyLine) {
        Matcher m = READY.matcher(readyLine);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSampleLibraryByDefaultAndStopsGracefullyOnSigterm() throws Exception {
        try (CyprusProcess cyprus = CyprusProcess.start(work, "serve", "--port", "0")) {
            int port = port(cyprus.awaitLine(READY.asPredicate(), START));

            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            assertThat(cyprus.output()).contains("Library folder: ").contains("samples/library");
            assertThat(Files.exists(work.resolve("data/cyprus.db"))).isTrue();
            cyprus.awaitLine(line -> line.contains("\"GET /health HTTP/1.1\" 200"), Duration.ofSeconds(5));

            cyprus.terminate();

            assertThat(cyprus.waitFor(Duration.ofSeconds(20))).isZero();
            assertThat(cyprus.output()).contains("Cyprus stopped");
            // The last connection closed cleanly: SQLite checkpointed and removed its write-ahead log.
            assertThat(Files.exists(work.resolve("data/cyprus.db-wal"))).isFalse();
        }
    }

    @Test
    void aMissingLibraryFolderIsAClearErrorNotAStackTrace() throws Exception {
        Path missing = work.resolve("no/such/books");
        try (CyprusProcess cyprus = CyprusProcess.start(work, "serve", "--port", "0", "--library", missing.toString())) {
            assertThat(cyprus.waitFor(START)).isEqualTo(2);
            assertThat(cyprus.output())
                    .contains("cyprus: The library folder " + missing + " does not exist.")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aFileGivenAsLibraryIsAClearError() throws Exception {
        Path file = Files.writeString(work.resolve("book.mp3"), "not a folder");
        try (CyprusProcess cyprus = CyprusProcess.start(work, "serve", "--port", "0", "--library", file.toString())) {
            assertThat(cyprus.waitFor(START)).isEqualTo(2);
            assertThat(cyprus.output()).contains("is a file, not a folder").doesNotContain("\tat ");
        }
    }

    @Test
    void anEmptyLibraryFolderIsNamedButTheServerStarts() throws Exception {
        Path empty = Files.createDirectory(work.resolve("empty"));
        try (CyprusProcess cyprus = CyprusProcess.start(work, "serve", "--port", "0", "--library", empty.toString())) {
            int port = port(cyprus.awaitLine(READY.asPredicate(), START));

            assertThat(cyprus.output()).contains("The library folder " + empty + " holds no audio files yet");
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             CyprusProcess cyprus = CyprusProcess.start(work, "serve", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(cyprus.waitFor(START)).isEqualTo(2);
            assertThat(cyprus.output())
                    .contains("cyprus: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void badSettingsAreNamedWithTheirSource() throws Exception {
        try (CyprusProcess cyprus = CyprusProcess.start(work, "serve", "--port", "eighty")) {
            assertThat(cyprus.waitFor(START)).isEqualTo(2);
            assertThat(cyprus.output()).contains("cyprus: The option --port is 'eighty'").doesNotContain("\tat ");
        }
    }

    @Test
    void versionAndHelpAnswer() throws Exception {
        try (CyprusProcess version = CyprusProcess.start(work, "version")) {
            assertThat(version.waitFor(START)).isZero();
            assertThat(version.output()).startsWith("Cyprus ").contains("Java 25");
        }
        try (CyprusProcess help = CyprusProcess.start(work, "serve", "--help")) {
            assertThat(help.waitFor(START)).isZero();
            assertThat(help.output()).contains("--library=DIR").contains("CYPRUS_DATA_DIR").contains("--config=FILE");
        }
        try (CyprusProcess unknown = CyprusProcess.start(work, "frobnicate")) {
            assertThat(unknown.waitFor(START)).isEqualTo(2);
            assertThat(unknown.output()).contains("cyprus: Unmatched argument at index 0: 'frobnicate'")
                    .contains("Run 'cyprus --help'");
        }
    }
}
