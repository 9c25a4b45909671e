package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Files that change on disk while the server runs — replaced, rewritten, truncated, deleted, swapped for a link, and
 * truncated or replaced in the middle of a slow transfer: the JVM keeps running, a broken transfer ends short of its
 * Content-Length, and the next request serves what is on disk now under a new entity tag.
 */
class FileChangesIT {
    /** Enough 128 kb/s frames (about 24 MB) that a slow reader keeps the server writing for long. */
    private static final int LONG_COPIES = 150;

    @TempDir
    static Path work;

    static TestServer server;
    static Path library;
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        library = work.resolve("library");
        for (String name : List.of("replaced", "rewritten", "truncated", "deleted", "linked", "target")) {
            AudioFixtures.mp3(library.resolve("Changes/" + name + "/" + name + ".mp3"), 3, Map.of("album", name));
        }
        AudioFixtures.longMp3(library.resolve("Slow/cut/cut.mp3"), LONG_COPIES);
        AudioFixtures.longMp3(library.resolve("Slow/swap/swap.mp3"), LONG_COPIES);
        server = TestServer.startWithLibrary(work.resolve("data"), library);
        for (JsonNode book : json(server.get("/api/v1/libraries/1/books?limit=200")).get("items")) {
            for (JsonNode file : json(server.get("/api/v1/books/" + book.get("id").asText())).get("files")) {
                ids.put(file.get("name").asText(), file.get("id").asText());
            }
        }
        assertThat(ids).containsKeys("replaced.mp3", "cut.mp3", "swap.mp3");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String url(String name) {
        return "/api/v1/files/" + ids.get(name);
    }

    static HttpResponse<byte[]> get(String name, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(url(name)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.sendBytes(request);
    }

    static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** Writes {@code content} to a new file and moves it over {@code target}, as a tag editor or a copy tool does. */
    static void replace(Path target, byte[] content) throws IOException {
        Path incoming = target.resolveSibling(".incoming-" + System.nanoTime());
        Files.write(incoming, content);
        Files.setLastModifiedTime(incoming, FileTime.from(Instant.now().plusSeconds(10)));
        Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void truncate(Path file, long sizeBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(sizeBytes);
        }
    }

    @Test
    void aReplacedFileIsServedAnewUnderANewTag() throws IOException {
        Path path = library.resolve("Changes/replaced/replaced.mp3");
        HttpResponse<byte[]> before = get("replaced.mp3");
        assertThat(before.body()).isEqualTo(Files.readAllBytes(path));
        byte[] other = Files.readAllBytes(library.resolve("Changes/target/target.mp3"));

        replace(path, other);

        HttpResponse<byte[]> after = get("replaced.mp3");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(other);
        assertThat(after.headers().firstValueAsLong("Content-Length")).hasValue(other.length);
        assertThat(etag(after)).isNotEqualTo(etag(before));
        assertThat(get("replaced.mp3", "If-None-Match", etag(before)).statusCode()).as("the old tag no longer matches").isEqualTo(200);
        assertThat(get("replaced.mp3", "If-Match", etag(before)).statusCode()).isEqualTo(412);
        HttpResponse<byte[]> staleRange = get("replaced.mp3", "Range", "bytes=0-9", "If-Range", etag(before));
        assertThat(staleRange.statusCode()).as("a range of the old version is not mixed into the new one").isEqualTo(200);
        assertThat(staleRange.body()).isEqualTo(other);
        assertThat(get("replaced.mp3", "If-None-Match", etag(after)).statusCode()).isEqualTo(304);
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeGetsANewTag() throws IOException {
        Path path = library.resolve("Changes/rewritten/rewritten.mp3");
        byte[] original = Files.readAllBytes(path);
        HttpResponse<byte[]> before = get("rewritten.mp3", "Range", "bytes=0-99");
        byte[] edited = original.clone();
        for (int i = 0; i < 100; i++) {
            edited[i] = (byte) ~edited[i];
        }

        Files.write(path, edited);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(10)));

        HttpResponse<byte[]> after = get("rewritten.mp3", "Range", "bytes=0-99");
        assertThat(after.statusCode()).isEqualTo(206);
        assertThat(after.body()).isEqualTo(Arrays.copyOf(edited, 100));
        assertThat(etag(after)).isNotEqualTo(etag(before));
    }

    @Test
    void aTruncatedFileIsServedAtItsNewLength() throws IOException {
        Path path = library.resolve("Changes/truncated/truncated.mp3");
        HttpResponse<byte[]> before = get("truncated.mp3");
        assertThat(before.body().length).isGreaterThan(2000);

        truncate(path, 1000);

        HttpResponse<byte[]> after = get("truncated.mp3");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(Arrays.copyOf(before.body(), 1000));
        assertThat(etag(after)).isNotEqualTo(etag(before));
        HttpResponse<byte[]> pastTheEnd = get("truncated.mp3", "Range", "bytes=1500-1599");
        assertThat(pastTheEnd.statusCode()).isEqualTo(416);
        assertThat(pastTheEnd.headers().firstValue("Content-Range")).hasValue("bytes */1000");
        HttpResponse<byte[]> tail = get("truncated.mp3", "Range", "bytes=-10");
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 990-999/1000");
    }

    @Test
    void aDeletedFileIsNotFoundUntilItComesBack() throws IOException {
        Path path = library.resolve("Changes/deleted/deleted.mp3");
        byte[] content = Files.readAllBytes(path);
        assertThat(get("deleted.mp3").statusCode()).isEqualTo(200);

        Files.delete(path);

        HttpResponse<String> gone = server.get(url("deleted.mp3"));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(json(gone).at("/error/message").asText()).contains("not on disk");
        assertThat(server.send(HttpRequest.newBuilder(server.uri(url("deleted.mp3"))).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(404);
        assertThat(get("deleted.mp3", "Range", "bytes=0-9").statusCode()).isEqualTo(404);

        Files.write(path, content);

        HttpResponse<byte[]> back = get("deleted.mp3");
        assertThat(back.statusCode()).as("404, not 410: it came back").isEqualTo(200);
        assertThat(back.body()).isEqualTo(content);
    }

    @Test
    void aFileSwappedForASymbolicLinkIsNotFollowed() throws IOException {
        Path path = library.resolve("Changes/linked/linked.mp3");
        assertThat(get("linked.mp3").statusCode()).isEqualTo(200);

        Files.delete(path);
        Files.createSymbolicLink(path, library.resolve("Changes/target/target.mp3"));

        HttpResponse<byte[]> response = get("linked.mp3");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("not_found");
    }

    @Test
    void aFileTruncatedDuringASlowTransferCutsThatTransferShortAndNothingElse() throws Exception {
        Path path = library.resolve("Slow/cut/cut.mp3");
        byte[] original = Files.readAllBytes(path);
        ListAppender<ILoggingEvent> log = capture("http");
        try (SlowDownload download = new SlowDownload(server.port(), url("cut.mp3"), server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD))) {
            assertThat(download.status).isEqualTo(200);
            assertThat(download.contentLength).isEqualTo(original.length);
            byte[] first = download.read(256 << 10);

            truncate(path, 100_000);
            byte[] rest = download.readToEnd();

            byte[] received = concat(first, rest);
            assertThat(received.length).as("the response ends short of its Content-Length").isLessThan(original.length);
            assertThat(Arrays.equals(received, Arrays.copyOf(original, received.length))).as("what did arrive is the file's beginning")
                    .isTrue();
        } finally {
            release(log, "http");
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(path.toString()))
                .as("one line says what happened").hasSize(1);

        HttpResponse<byte[]> next = get("cut.mp3");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo(Arrays.copyOf(original, 100_000));
        assertThat(get("cut.mp3", "Range", "bytes=99990-").body()).isEqualTo(Arrays.copyOfRange(original, 99_990, 100_000));
    }

    @Test
    void aFileReplacedDuringASlowTransferFinishesThatTransferWithTheOldBytes() throws Exception {
        Path path = library.resolve("Slow/swap/swap.mp3");
        byte[] original = Files.readAllBytes(path);
        String oldTag = etag(get("swap.mp3", "Range", "bytes=0-0"));
        byte[] replacement = Files.readAllBytes(library.resolve("Changes/target/target.mp3"));
        try (SlowDownload download = new SlowDownload(server.port(), url("swap.mp3"), server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD))) {
            assertThat(download.headers.get("etag")).isEqualTo(oldTag);
            byte[] first = download.read(256 << 10);

            replace(path, replacement);
            byte[] rest = download.readToEnd();

            byte[] received = concat(first, rest);
            assertThat(received.length).isEqualTo(original.length);
            assertThat(Arrays.equals(received, original)).as("the version this response announced, whole").isTrue();
        }
        HttpResponse<byte[]> next = get("swap.mp3");
        assertThat(next.body()).isEqualTo(replacement);
        assertThat(etag(next)).isNotEqualTo(oldTag);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender, String loggerName) {
        ((Logger) LoggerFactory.getLogger(loggerName)).detachAppender(appender);
    }

    /** A GET read slowly through a small receive window, so the server is still writing when the file changes. */
    private static final class SlowDownload implements AutoCloseable {
        final Socket socket = new Socket();
        final InputStream in;
        final int status;
        final Map<String, String> headers = new HashMap<>();
        final long contentLength;

        SlowDownload(int port, String target, String token) throws IOException {
            socket.setReceiveBufferSize(8 << 10);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            in = new BufferedInputStream(socket.getInputStream(), 4096);
            String[] lines = readHead().split("\r\n");
            status = Integer.parseInt(lines[0].substring(9, 12));
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            contentLength = Long.parseLong(headers.get("content-length"));
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection closed inside the headers");
                }
                head.write(b);
                if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    return head.toString(StandardCharsets.ISO_8859_1).strip();
                }
            }
        }

        /** Up to {@code n} bytes, a little at a time. */
        byte[] read(int n) throws IOException, InterruptedException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (out.size() < n) {
                int got = in.read(buffer, 0, Math.min(buffer.length, n - out.size()));
                if (got < 0) {
                    break;
                }
                out.write(buffer, 0, got);
                Thread.sleep(1);
            }
            return out.toByteArray();
        }

        /** Everything until the server closes the connection (the request asked it to, after the response). */
        byte[] readToEnd() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 << 10];
            try {
                int got;
                while ((got = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, got);
                }
            } catch (SocketException reset) {
                // An aborted response may end in a reset rather than an orderly close.
            }
            return out.toByteArray();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
