package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cyprus.stream.HttpDate;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.MultipartByteranges;
import org.cyprus.testing.RawHttp;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET|HEAD /api/v1/files/{id}} against a real server: headers of a whole file, single and multiple ranges
 * (multipart bodies parsed back and compared byte for byte), ignored, unsatisfiable and abusive ranges, If-Range,
 * preconditions in the order of RFC 9110 §13.2.2, names, downloads and who may read what. Changes on disk while the
 * server runs are in {@link FileChangesIT}.
 */
class FileServingIT {
    private static final String PASSWORD = "a sturdy test passphrase";
    private static final String ETAG = "\"[A-Za-z0-9_-]{24}\"";

    @TempDir
    static Path work;

    static TestServer server;
    static Path library;
    static final Map<String, String> ids = new HashMap<>();
    static String lena;
    static String dana;

    @BeforeAll
    static void start() throws IOException {
        library = work.resolve("library");
        AudioFixtures.mp3(library.resolve("Ann Author/Alpha/01.mp3"), 2, Map.of("album", "Alpha", "title", "One"));
        Files.write(library.resolve("Ann Author/Alpha/empty.mp3"), new byte[0]);
        AudioFixtures.mp3(library.resolve("Béa Writer/Été à Paris/Chapitre 1 – « Été ».mp3"), 1, Map.of("album", "Été à Paris"));
        AudioFixtures.m4b(library.resolve("Cy Poet/Moon/moon.m4b"), 2, Map.of("title", "Moon"), List.of(), null);
        AudioFixtures.longMp3(library.resolve("Dee/Long/long.mp3"), 8);
        Path other = work.resolve("other");
        AudioFixtures.mp3(other.resolve("Bob/Bravo/bravo.mp3"), 1, Map.of("album", "Bravo"));
        // Modified an hour ago: a date validator of a file changed within the last second is weak (RFC 9110 §8.8.2.2).
        try (var files = Files.walk(library)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }

        server = TestServer.startWithLibrary(work.resolve("data"), library);
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/v1/libraries"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Other\",\"folders\":[\"" + other + "\"]}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long otherLibrary = json(created).get("id").asLong();
        server.awaitScans(otherLibrary, 0);
        collectFileIds(1);
        collectFileIds(otherLibrary);
        createUser("lena", false);
        createUser("dana", true);
        lena = server.login("lena", PASSWORD);
        dana = server.login("dana", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void collectFileIds(long libraryId) {
        for (JsonNode book : json(server.get("/api/v1/libraries/" + libraryId + "/books?limit=200")).get("items")) {
            for (JsonNode file : json(server.get("/api/v1/books/" + book.get("id").asText())).get("files")) {
                ids.put(file.get("name").asText(), file.get("id").asText());
            }
        }
    }

    private static void createUser(String name, boolean canDownload) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"user\",\"libraries\":[1],\"canDownload\":" + canDownload + "}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static String url(String name) {
        return "/api/v1/files/" + ids.get(name);
    }

    static HttpRequest.Builder request(String name, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(url(name)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    static HttpResponse<byte[]> get(String name, String... headers) {
        return server.sendBytes(request(name, headers));
    }

    static byte[] onDisk(String relative) throws IOException {
        return Files.readAllBytes(library.resolve(relative));
    }

    static String raw(String method, String target, String... headerLines) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD) + "\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return RawHttp.exchange(server.port(), request.append("\r\n").toString());
    }

    static Map<String, String> rawHeaders(String response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    static byte[] slice(byte[] bytes, long first, long last) {
        return Arrays.copyOfRange(bytes, (int) first, (int) last + 1);
    }

    @Test
    void theWholeFileComesWithLengthValidatorsTypeAndName() throws IOException {
        byte[] file = onDisk("Ann Author/Alpha/01.mp3");
        HttpResponse<byte[]> response = get("01.mp3", "Accept-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(file);
        HttpHeaders h = response.headers();
        assertThat(h.firstValueAsLong("Content-Length")).hasValue(file.length);
        assertThat(h.firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(h.firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches(ETAG));
        Instant modified = Files.getLastModifiedTime(library.resolve("Ann Author/Alpha/01.mp3")).toInstant();
        assertThat(h.firstValue("Last-Modified")).hasValue(HttpDate.format(modified));
        assertThat(h.firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(h.firstValue("Content-Disposition")).hasValue("inline; filename=\"01.mp3\"; filename*=UTF-8''01.mp3");
        assertThat(h.firstValue("Cache-Control")).hasValue("private");
        assertThat(h.firstValue("Content-Encoding")).as("never compressed").isEmpty();
        assertThat(h.firstValue("Content-Range")).isEmpty();

        assertThat(get("moon.m4b").headers().firstValue("Content-Type")).as("M4B").hasValue("audio/mp4");
        assertThat(get("01.mp3").headers().firstValue("ETag")).as("the same file, the same tag").isEqualTo(h.firstValue("ETag"));
        assertThat(get("moon.m4b").headers().firstValue("ETag")).as("another file, another tag").isNotEqualTo(h.firstValue("ETag"));
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() {
        for (String name : List.of("01.mp3", "moon.m4b", "long.mp3")) {
            HttpResponse<byte[]> got = get(name);
            HttpResponse<byte[]> head = server.sendBytes(request(name).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            Map<String, List<String>> headHeaders = new TreeMap<>(head.headers().map());
            Map<String, List<String>> getHeaders = new TreeMap<>(got.headers().map());
            headHeaders.remove("date");
            getHeaders.remove("date");
            assertThat(headHeaders).as(name).isEqualTo(getHeaders);
        }
        String response = raw("HEAD", url("01.mp3"));
        assertThat(response).startsWith("HTTP/1.1 200 ");
        assertThat(RawHttp.body(response)).as("no body after the headers").isEmpty();
        assertThat(rawHeaders(response).get("Content-Length")).isEqualTo(Long.toString(get("01.mp3").body().length));
    }

    @Test
    void aSingleRangeIsA206WithItsContentRange() throws IOException {
        byte[] file = onDisk("Dee/Long/long.mp3");
        int n = file.length;
        Map<String, long[]> cases = Map.of(
                "bytes=0-499", new long[] {0, 499},
                "bytes=1000-", new long[] {1000, n - 1},
                "bytes=-500", new long[] {n - 500, n - 1},
                "bytes=100-99999999999", new long[] {100, n - 1},
                "bytes=-99999999999", new long[] {0, n - 1},
                "bytes=" + (n - 1) + "-" + (n - 1), new long[] {n - 1, n - 1},
                "bytes=700000-1100000", new long[] {700_000, 1_100_000});
        cases.forEach((range, expected) -> {
            HttpResponse<byte[]> response = get("long.mp3", "Range", range);
            assertThat(response.statusCode()).as(range).isEqualTo(206);
            assertThat(response.headers().firstValue("Content-Range")).as(range)
                    .hasValue("bytes " + expected[0] + "-" + expected[1] + "/" + n);
            assertThat(response.headers().firstValueAsLong("Content-Length")).as(range).hasValue(expected[1] - expected[0] + 1);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
            assertThat(response.headers().firstValue("ETag")).isPresent();
            assertThat(response.body()).as(range).isEqualTo(slice(file, expected[0], expected[1]));
        });
    }

    @Test
    void severalRangesComeAsMultipartByterangesCoalescedInTheOrderAsked() throws IOException {
        byte[] file = onDisk("Dee/Long/long.mp3");
        int n = file.length;
        String response = raw("GET", url("long.mp3"), "Range: bytes=500000-500099, 0-9,5-20 ,21-30, 900000-");
        assertThat(response).startsWith("HTTP/1.1 206 ");
        Map<String, String> headers = rawHeaders(response);
        byte[] body = RawHttp.body(response).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Long.parseLong(headers.get("Content-Length"))).as("exact Content-Length").isEqualTo(body.length);
        assertThat(headers.get("Content-Range")).as("only the parts carry Content-Range").isNull();
        assertThat(headers.get("ETag")).matches(ETAG);

        List<MultipartByteranges.Part> parts = MultipartByteranges.parse(body, MultipartByteranges.boundary(headers.get("Content-Type")));

        long[][] expected = {{500_000, 500_099}, {0, 30}, {900_000, n - 1}};
        assertThat(parts).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            MultipartByteranges.Part part = parts.get(i);
            assertThat(part.headers()).containsEntry("content-type", "audio/mpeg")
                    .containsEntry("content-range", "bytes " + expected[i][0] + "-" + expected[i][1] + "/" + n);
            assertThat(part.content()).as("part %d", i).isEqualTo(slice(file, expected[i][0], expected[i][1]));
        }
    }

    @Test
    void rangesThatAreNotValidByteRangesAreIgnored() throws IOException {
        byte[] file = onDisk("Ann Author/Alpha/01.mp3");
        for (String range : List.of("bytes=5-1", "items=0-10", "bytes=abc", "bytes=", "bytes 0-10", "bytes=0-1;2-3", "=0-1")) {
            HttpResponse<byte[]> response = get("01.mp3", "Range", range);
            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.body()).as(range).isEqualTo(file);
            assertThat(response.headers().firstValue("Content-Range")).isEmpty();
        }
        String twoLines = raw("GET", url("01.mp3"), "Range: bytes=0-1", "Range: bytes=2-3");
        assertThat(twoLines).as("two Range lines make no valid field").startsWith("HTTP/1.1 200 ");
        assertThat(RawHttp.body(twoLines).getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(file);
    }

    @Test
    void unsatisfiableRangesAnswer416WithTheCurrentLength() throws IOException {
        long n = onDisk("Ann Author/Alpha/01.mp3").length;
        for (String range : List.of("bytes=" + n + "-", "bytes=" + (n + 100) + "-" + (n + 200), "bytes=-0",
                "bytes=99999999999999999999999-", "bytes=" + n + "-,-0")) {
            HttpResponse<String> response = server.send(request("01.mp3", "Range", range));
            assertThat(response.statusCode()).as(range).isEqualTo(416);
            assertThat(response.headers().firstValue("Content-Range")).as(range).hasValue("bytes */" + n);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("range_not_satisfiable");
        }
    }

    @Test
    void anEmptyFileHasNoByteToRangeOver() {
        HttpResponse<byte[]> whole = get("empty.mp3");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEmpty();
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(0);
        assertThat(whole.headers().firstValue("Content-Type")).as("not audio: no audio type claimed").hasValue("application/octet-stream");
        HttpResponse<byte[]> range = get("empty.mp3", "Range", "bytes=0-");
        assertThat(range.statusCode()).isEqualTo(416);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes */0");
        HttpResponse<byte[]> suffix = get("empty.mp3", "Range", "bytes=-10");
        assertThat(suffix.statusCode()).as("satisfiable by §14.1.2 but nameless: the empty whole").isEqualTo(200);
        assertThat(suffix.body()).isEmpty();
    }

    @Test
    void abusiveRangesGetTheWholeFile() throws IOException {
        byte[] file = onDisk("Dee/Long/long.mp3");
        StringBuilder many = new StringBuilder("bytes=");
        for (int i = 0; i < 33; i++) {
            many.append(i == 0 ? "" : ",").append(i * 1000).append('-').append(i * 1000 + 1);
        }
        for (String range : List.of(many.toString(), "bytes=0-999,10-1009,20-1019", "bytes=0-,0-,0-,0-")) {
            HttpResponse<byte[]> response = get("long.mp3", "Range", range);
            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.body()).isEqualTo(file);
        }
        HttpResponse<byte[]> thirtyTwo = get("long.mp3", "Range", many.substring(0, many.lastIndexOf(",")));
        assertThat(thirtyTwo.statusCode()).as("32 ranges are still served").isEqualTo(206);
        assertThat(thirtyTwo.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("multipart/byteranges"));
    }

    @Test
    void ifRangeAppliesTheRangeOnlyToTheSameVersion() throws IOException {
        byte[] file = onDisk("Ann Author/Alpha/01.mp3");
        HttpHeaders current = get("01.mp3").headers();
        String etag = current.firstValue("ETag").orElseThrow();
        String lastModified = current.firstValue("Last-Modified").orElseThrow();
        String earlier = HttpDate.format(HttpDate.parse(lastModified, Instant.now()).orElseThrow().minusSeconds(60));

        record Case(String ifRange, int status) {
        }
        for (Case c : List.of(new Case(etag, 206), new Case(lastModified, 206), new Case("\"stale\"", 200),
                new Case(earlier, 200), new Case("W/" + etag, 200), new Case("garbage", 200))) {
            HttpResponse<byte[]> response = get("01.mp3", "Range", "bytes=10-19", "If-Range", c.ifRange());
            assertThat(response.statusCode()).as("If-Range: " + c.ifRange()).isEqualTo(c.status());
            assertThat(response.body()).as("If-Range: " + c.ifRange()).isEqualTo(c.status() == 206 ? slice(file, 10, 19) : file);
        }
    }

    @Test
    void preconditionsAreEvaluatedInTheRfcOrder() {
        HttpHeaders current = get("01.mp3").headers();
        String etag = current.firstValue("ETag").orElseThrow();
        String lastModified = current.firstValue("Last-Modified").orElseThrow();
        Instant modified = HttpDate.parse(lastModified, Instant.now()).orElseThrow();
        String before = HttpDate.format(modified.minusSeconds(3600));
        String after = HttpDate.format(modified.plusSeconds(3600));

        record Case(String why, int status, String... headers) {
        }
        List<Case> cases = List.of(
                new Case("If-Match current", 200, "If-Match", etag),
                new Case("If-Match *", 206, "If-Match", "*", "Range", "bytes=0-0"),
                new Case("If-Match other", 412, "If-Match", "\"other\""),
                new Case("If-Match weak never matches", 412, "If-Match", "W/" + etag),
                new Case("If-Unmodified-Since before", 412, "If-Unmodified-Since", before),
                new Case("If-Unmodified-Since after", 200, "If-Unmodified-Since", after),
                new Case("If-Match wins over If-Unmodified-Since", 200, "If-Match", etag, "If-Unmodified-Since", before),
                new Case("If-None-Match current", 304, "If-None-Match", etag),
                new Case("If-None-Match weak comparison", 304, "If-None-Match", "W/" + etag),
                new Case("If-None-Match *", 304, "If-None-Match", "*"),
                new Case("If-None-Match other", 200, "If-None-Match", "\"other\""),
                new Case("If-Modified-Since at Last-Modified", 304, "If-Modified-Since", lastModified),
                new Case("If-Modified-Since before", 200, "If-Modified-Since", before),
                new Case("If-Modified-Since invalid", 200, "If-Modified-Since", "last tuesday"),
                new Case("If-None-Match present: If-Modified-Since ignored", 200, "If-None-Match", "\"other\"", "If-Modified-Since", after),
                new Case("412 before 304", 412, "If-Match", "\"other\"", "If-None-Match", etag),
                new Case("412 before 304 (dates)", 412, "If-Unmodified-Since", before, "If-Modified-Since", after),
                new Case("304 before a range", 304, "If-None-Match", etag, "Range", "bytes=0-0"),
                new Case("412 before a 416", 412, "If-Match", "\"other\"", "Range", "bytes=999999999-"));
        for (Case c : cases) {
            HttpResponse<String> response = server.send(request("01.mp3", c.headers()));
            assertThat(response.statusCode()).as(c.why()).isEqualTo(c.status());
            switch (c.status()) {
                case 304 -> {
                    assertThat(response.body()).as(c.why()).isEmpty();
                    assertThat(response.headers().firstValue("ETag")).hasValue(etag);
                    assertThat(response.headers().firstValue("Last-Modified")).hasValue(lastModified);
                    assertThat(response.headers().firstValue("Cache-Control")).hasValue("private");
                    assertThat(response.headers().firstValue("Content-Type")).as("§15.4.5 no representation metadata").isEmpty();
                }
                case 412 -> assertThat(json(response).at("/error/code").asText()).isEqualTo("precondition_failed");
                default -> assertThat(response.headers().firstValue("ETag")).hasValue(etag);
            }
        }
        String head = raw("HEAD", url("01.mp3"), "If-None-Match: " + etag);
        assertThat(head).as("HEAD 304").startsWith("HTTP/1.1 304 ");
        String notModified = raw("GET", url("01.mp3"), "If-None-Match: " + etag);
        assertThat(RawHttp.body(notModified)).as("a 304 has no body").isEmpty();
        String length = rawHeaders(notModified).get("Content-Length");
        assertThat(length == null || length.equals(Long.toString(get("01.mp3").body().length)))
                .as("§8.6: a 304's Content-Length, if any, is the 200's: " + length).isTrue();
    }

    @Test
    void nonAsciiNamesGetAnAsciiFallbackAndAnRfc8187Name() {
        HttpResponse<byte[]> response = get("Chapitre 1 – « Été ».mp3");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"Chapitre 1 _ _ Ete _.mp3\"; "
                + "filename*=UTF-8''Chapitre%201%20%E2%80%93%20%C2%AB%20%C3%89t%C3%A9%20%C2%BB.mp3");
    }

    @Test
    void downloadingToKeepNeedsThePermissionStreamingDoesNot() {
        HttpResponse<String> streamed = server.as(lena, request("01.mp3"));
        assertThat(streamed.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = server.as(lena, HttpRequest.newBuilder(server.uri(url("01.mp3") + "?download=1")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("forbidden");

        HttpResponse<String> allowed = server.as(dana, HttpRequest.newBuilder(server.uri(url("01.mp3") + "?download=1")));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"01.mp3\"; filename*=UTF-8''01.mp3");
        HttpResponse<String> admin = server.send(HttpRequest.newBuilder(server.uri(url("01.mp3") + "?download=1")).header("Range", "bytes=0-9"));
        assertThat(admin.statusCode()).as("administrators may download, in ranges too").isEqualTo(206);
        assertThat(admin.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment;"));
        assertThat(server.as(lena, HttpRequest.newBuilder(server.uri(url("01.mp3") + "?download=0"))).statusCode()).isEqualTo(200);
        assertThat(server.send(HttpRequest.newBuilder(server.uri(url("01.mp3") + "?download=yes"))).statusCode()).isEqualTo(400);
    }

    @Test
    void filesNobodyMayReadAnswerExactlyAsFilesThatDoNotExist() {
        String unknown = "0123456789abcdefghjkmnpqrs";
        HttpResponse<String> missing = server.as(lena, HttpRequest.newBuilder(server.uri("/api/v1/files/" + unknown)));
        HttpResponse<String> hidden = server.as(lena, request("bravo.mp3"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body().replace(unknown, ids.get("bravo.mp3")));
        assertThat(hidden.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
        assertThat(server.as(lena, request("bravo.mp3", "Range", "bytes=0-0", "If-None-Match", "*")).statusCode())
                .as("no precondition or range reveals it either").isEqualTo(404);
        assertThat(server.get(url("bravo.mp3")).statusCode()).as("the administrator reads every library").isEqualTo(200);
        for (String junk : List.of("x", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "0123456789abcdefghjkmnpqrs0", "%20")) {
            assertThat(server.get("/api/v1/files/" + junk).statusCode()).as(junk).isEqualTo(404);
        }
        assertThat(server.anonymous(request("01.mp3")).statusCode()).as("signed out").isEqualTo(401);
    }

    /**
     * What players send most — a range with a media capability — is answered on a direct path (DirectFiles) once the
     * file is looked up and mapped; its answers must be the framework's, header for header and byte for byte.
     */
    @Test
    void rangesByMediaCapabilityAreAnsweredDirectlyExactlyAsTheFrameworkAnswersThem() throws IOException {
        String book = json(server.get("/api/v1/libraries/1/books?limit=200")).get("items").findValues("id").stream()
                .map(JsonNode::asText).filter(id -> json(server.get("/api/v1/books/" + id)).get("files").findValues("name")
                        .stream().anyMatch(n -> n.asText().equals("long.mp3"))).findFirst().orElseThrow();
        String capability = json(server.send(HttpRequest.newBuilder(server.uri("/api/v1/books/" + book + "/media-token"))
                .POST(HttpRequest.BodyPublishers.noBody()))).get("token").asText();
        byte[] whole = onDisk("Dee/Long/long.mp3");
        List<List<String>> cases = List.of(List.of("GET"), List.of("GET", "Range", "bytes=100-4195"), List.of("GET", "Range", "bytes=-333"),
                List.of("GET", "Range", "bytes=4000-"), List.of("HEAD"), List.of("HEAD", "Range", "bytes=0-9"));
        anonymousCapability(capability, List.of("GET", "Range", "bytes=0-0"));  // looks the file up and maps it
        long before = DirectFiles.ANSWERED.sum();
        for (List<String> c : cases) {
            HttpResponse<byte[]> direct = anonymousCapability(capability, c);
            HttpRequest.Builder framework = request("long.mp3", c.subList(1, c.size()).toArray(String[]::new))
                    .method(c.get(0), HttpRequest.BodyPublishers.noBody());
            HttpResponse<byte[]> expected = server.sendBytes(framework);
            assertThat(direct.statusCode()).as(c.toString()).isIn(200, 206).isEqualTo(expected.statusCode());
            assertThat(withoutDate(direct.headers())).as(c.toString()).isEqualTo(withoutDate(expected.headers()));
            assertThat(direct.body()).as(c.toString()).isEqualTo(expected.body());
            if (c.get(0).equals("GET") && c.size() == 1) {
                assertThat(direct.body()).isEqualTo(whole);
            }
        }
        assertThat(DirectFiles.ANSWERED.sum() - before).as("answers given on the direct path").isGreaterThanOrEqualTo(cases.size());
        HttpResponse<byte[]> conditional = anonymousCapability(capability, List.of("GET", "If-None-Match", "*"));
        assertThat(conditional.statusCode()).as("what the direct path declines is answered all the same").isEqualTo(304);
        HttpResponse<byte[]> forged = anonymousCapability(capability.substring(0, capability.length() - 2) + "xx", List.of("GET"));
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<byte[]> anonymousCapability(String capability, List<String> c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(url("long.mp3") + "?t=" + capability))
                .method(c.get(0), HttpRequest.BodyPublishers.noBody());
        for (int i = 1; i < c.size(); i += 2) {
            request.header(c.get(i), c.get(i + 1));
        }
        return server.anonymousBytes(request);
    }

    private static Map<String, List<String>> withoutDate(HttpHeaders headers) {
        Map<String, List<String>> map = new TreeMap<>(headers.map());
        map.remove("date");
        return map;
    }
}
