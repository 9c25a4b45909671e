package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.Multipart;
import org.cyprus.testing.MutableClock;
import org.cyprus.testing.RawHttp;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each class of vulnerability the field's leading server has shipped (see the project's field notes), reproduced
 * against Cyprus and refused: an allow-list matched against the query string, objects of another library reached
 * through lists and searches, a sibling folder passing a string-prefix check, traversal in every encoding, symbolic
 * links out of the library, tokens in URLs, refresh-token replay, open redirects and archive uploads.
 */
class SecurityRegressionIT {
    private static final String PASSWORD = "a sturdy test passphrase";

    @TempDir
    static Path work;

    static final MutableClock clock = new MutableClock(Instant.now());
    static TestServer server;
    static Path books;
    static Path privateBooks;
    static String bookA;
    static String bookB;
    static String fileA;
    static String fileB;
    static long libraryB;
    /** A fresh session of the limited user for each test (some tests move the clock past token lifetimes). */
    String alice;

    @BeforeAll
    static void start() throws IOException {
        books = work.resolve("books");
        privateBooks = work.resolve("books-private");
        AudioFixtures.mp3(books.resolve("Ann/Alpha Book/01.mp3"), 1, Map.of("album", "Alpha Book"));
        AudioFixtures.jpeg(books.resolve("Ann/Alpha Book/cover.jpg"), "red");
        AudioFixtures.mp3(privateBooks.resolve("Secret/Sigma Book/01.mp3"), 1, Map.of("album", "Sigma Book"));
        Files.createSymbolicLink(books.resolve("Linked"), privateBooks.resolve("Secret"));
        Files.createDirectories(books.resolve("Leak/Leaked Book"));
        Files.createSymbolicLink(books.resolve("Leak/Leaked Book/01.mp3"), privateBooks.resolve("Secret/Sigma Book/01.mp3"));
        Path other = work.resolve("other");
        AudioFixtures.mp3(other.resolve("Bob/Bravo Book/01.mp3"), 1, Map.of("album", "Bravo Book", "artist", "Bob Bravo"));
        AudioFixtures.jpeg(other.resolve("Bob/Bravo Book/cover.jpg"), "blue");

        server = TestServer.start(TestServer.config(work.resolve("data"), books, false, Map.of()), clock);
        server.signInAsAdmin();
        server.awaitScans(1, 0);
        HttpResponse<String> created = server.send(jsonRequest("/api/v1/libraries", "POST",
                "{\"name\":\"Library B\",\"folders\":[\"" + other + "\"]}"));
        libraryB = json(created).get("id").asLong();
        server.awaitScans(libraryB, 0);
        bookA = json(server.get("/api/v1/libraries/1/books")).at("/items/0/id").asText();
        bookB = json(server.get("/api/v1/libraries/" + libraryB + "/books")).at("/items/0/id").asText();
        fileA = json(server.get("/api/v1/books/" + bookA)).at("/files/0/id").asText();
        fileB = json(server.get("/api/v1/books/" + bookB)).at("/files/0/id").asText();
        assertThat(server.send(jsonRequest("/api/v1/users", "POST",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\",\"libraries\":[1]}")).statusCode()).isEqualTo(201);
    }

    @BeforeEach
    void signIn() {
        server.signInAsAdmin();
        alice = server.login("alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpRequest.Builder jsonRequest(String path, String method, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.uri(path));
    }

    private static String raw(String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return RawHttp.exchange(server.port(), request.append("\r\n").toString());
    }

    private static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    private static void assertJsonRefusal(String rawResponse, String what, int... allowed) {
        assertThat(status(rawResponse)).as(what + ": " + rawResponse).isIn(java.util.Arrays.stream(allowed).boxed().toList());
        assertThat(RawHttp.body(rawResponse)).as(what).startsWith("{\"error\":{\"code\":");
    }

    @Test
    void anAllowListCannotBeSatisfiedThroughTheQueryStringOrPathParameters() {
        for (String target : List.of("/api/v1/users?/health", "/api/v1/users?x=/api/v1/server", "/api/v1/users?/api/v1/auth/login",
                "/api/v1/users;/health", "/api/v1/users;jsessionid=x", "/api/v1/books/" + bookA + "?r=/health&redirect=/api/v1/server",
                "/health/../api/v1/users", "/api/v1/server/../users", "/api/v1/libraries/1/books?x=.png", "/api/v1/books/" + bookA + "/cover/../")) {
            String response = raw(target);
            assertJsonRefusal(response, target, 400, 401, 404);
            assertThat(RawHttp.body(response)).as(target).doesNotContain("alice").doesNotContain("Alpha Book");
        }
        assertThat(status(raw("/API/V1/USERS"))).as("no case folding into a route").isEqualTo(404);
    }

    @Test
    void longLivedCredentialsAreNeverTakenFromTheUrl() {
        String apiKey = json(server.as(alice, jsonRequest("/api/v1/me/api-keys", "POST", "{\"name\":\"script\"}"))).get("secret").asText();
        assertThat(server.anonymous(get("/api/v1/me").header("Authorization", "Bearer " + apiKey)).statusCode())
                .as("the key itself works in the header").isEqualTo(200);
        for (String credential : List.of(alice, apiKey)) {
            for (String name : List.of("t", "token", "access_token", "api_key", "apiKey", "key")) {
                assertThat(server.anonymous(get("/api/v1/me?" + name + "=" + credential)).statusCode()).as(name).isEqualTo(401);
                assertThat(server.anonymous(get("/api/v1/books/" + bookA + "/cover?" + name + "=" + credential)).statusCode())
                        .as("media route, " + name).isEqualTo(401);
                assertThat(server.anonymous(get("/api/v1/files/" + fileA + "?" + name + "=" + credential)).statusCode())
                        .as("file route, " + name).isEqualTo(401);
            }
        }
        assertThat(server.anonymous(get("/api/v1/me").header("Cookie", "cyprus_access=" + apiKey)).statusCode())
                .as("API keys are not cookies").isEqualTo(401);
    }

    @Test
    void anotherLibrarysBooksAreUnreachableThroughListsSearchesFacetsAndIds() {
        JsonNode libraries = json(server.as(alice, get("/api/v1/libraries")));
        assertThat(libraries.findValuesAsText("name")).containsExactly("Audiobooks");
        for (String path : List.of("/api/v1/libraries/" + libraryB, "/api/v1/libraries/" + libraryB + "/books",
                "/api/v1/libraries/" + libraryB + "/books?q=Bravo", "/api/v1/libraries/" + libraryB + "/scan",
                "/api/v1/books/" + bookB, "/api/v1/books/" + bookB + "/cover", "/api/v1/authors?library=" + libraryB)) {
            HttpResponse<String> response = server.as(alice, get(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Bravo");
        }
        assertThat(server.as(alice, jsonRequest("/api/v1/books/" + bookB + "/media-token", "POST", "")).statusCode()).isEqualTo(404);
        assertThat(json(server.as(alice, get("/api/v1/libraries/1/books?q=Bravo"))).get("items")).isEmpty();
        for (String facet : List.of("authors", "narrators", "series", "genres")) {
            HttpResponse<String> all = server.as(alice, get("/api/v1/" + facet));
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.body()).as(facet).doesNotContain("Bob");
        }
        assertThat(json(server.get("/api/v1/authors")).findValuesAsText("name")).as("the administrator sees both").contains("Bob Bravo");
        assertThat(json(server.as(alice, get("/api/v1/authors?q=Bob"))).findValuesAsText("name")).isEmpty();
    }

    @Test
    void aSiblingFolderAndSymbolicLinksNeverJoinTheLibrary() throws IOException {
        JsonNode titles = json(server.get("/api/v1/libraries/1/books"));
        assertThat(titles.findValuesAsText("title")).containsExactly("Alpha Book");
        for (String scope : List.of("../books-private", "../books-private/Secret", "Linked", "Leak/Leaked Book/01.mp3/..",
                "..%2fbooks-private", "..\\books-private", "Ann\u0000/x", "/../books-private", "Ann/../../books-private")) {
            HttpResponse<String> response = server.send(jsonRequest("/api/v1/libraries/1/scan", "POST",
                    "{\"path\":" + quote(scope) + "}"));
            assertThat(response.statusCode()).as(scope + " " + response.body()).isIn(400, 404);
            assertThat(json(response).at("/error/code").asText()).as(scope).isIn("bad_request", "not_found");
        }
        HttpResponse<String> upload = server.send(uploadInto(1, "../books-private/Planted"));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
        HttpResponse<String> throughLink = server.send(uploadInto(1, "Linked/Planted"));
        assertThat(throughLink.statusCode()).as(throughLink.body()).isEqualTo(400);
        try (Stream<Path> planted = Files.walk(privateBooks)) {
            assertThat(planted.map(p -> p.getFileName().toString())).doesNotContain("Planted");
        }
        server.rescan(1, "");
        assertThat(json(server.get("/api/v1/libraries/1/books")).findValuesAsText("title")).containsExactly("Alpha Book");
    }

    private static HttpRequest.Builder uploadInto(long library, String folder) throws IOException {
        Multipart form = new Multipart().field("folder", folder).file("files", "01.mp3",
                Files.readAllBytes(books.resolve("Ann/Alpha Book/01.mp3")));
        return HttpRequest.newBuilder(server.uri("/api/v1/libraries/" + library + "/uploads"))
                .header("Content-Type", form.contentType()).POST(form.publisher());
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @Test
    void traversalInEveryEncodingIsRefusedWithJson() {
        String bearer = "Authorization: Bearer " + alice;
        for (String target : List.of("/api/v1/books/..%2f..%2fetc%2fpasswd/cover", "/api/v1/books/%2e%2e/%2e%2e/etc/passwd",
                "/api/v1/books/%252e%252e%252fetc%252fpasswd/cover", "/api/v1/books/..%5c..%5cetc%5cpasswd/cover",
                "/api/v1/books/..\\..\\etc\\passwd", "/api/v1/books/x%00.mp3/cover", "/api/v1/books/%c0%ae%c0%ae/cover",
                "/api/v1/libraries/1/../../../../etc/passwd", "/api/v1/books/" + bookA + "/cover?size=128&file=../../etc/passwd",
                "/..;/api/v1/users", "/api/v1/%2e%2e/v1/users")) {
            String response = raw(target, bearer);
            if (target.contains("&file=")) {
                assertThat(response).as("an unknown parameter is ignored: still the cover").contains("Content-Type: image/jpeg");
            } else {
                assertJsonRefusal(response, target, 400, 403, 404);
            }
            assertThat(response).as(target).doesNotContain("root:x:0:0");
        }
    }

    @Test
    void aReplayedRefreshTokenSignsTheDeviceOut() {
        JsonNode pair = json(server.anonymous(jsonRequest("/api/v1/auth/login", "POST",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\",\"deviceName\":\"Phone\"}")));
        String first = pair.get("refreshToken").asText();
        JsonNode rotated = json(server.anonymous(jsonRequest("/api/v1/auth/refresh", "POST", "{\"refreshToken\":\"" + first + "\"}")));
        String access = rotated.get("accessToken").asText();
        assertThat(server.as(access, get("/api/v1/me")).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> replay = server.anonymous(jsonRequest("/api/v1/auth/refresh", "POST", "{\"refreshToken\":\"" + first + "\"}"));

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(server.as(access, get("/api/v1/me")).statusCode()).as("the whole device is signed out").isEqualTo(401);
        assertThat(server.anonymous(jsonRequest("/api/v1/auth/refresh", "POST",
                "{\"refreshToken\":\"" + rotated.get("refreshToken").asText() + "\"}")).statusCode()).isEqualTo(401);
    }

    @Test
    void mediaCapabilitiesExpireAndOpenOnlyTheirBook() {
        String capability = json(server.as(alice, jsonRequest("/api/v1/books/" + bookA + "/media-token", "POST", ""))).get("token").asText();
        assertThat(server.anonymous(get("/api/v1/books/" + bookA + "/cover?t=" + capability)).statusCode()).isEqualTo(200);
        assertThat(server.anonymous(get("/api/v1/books/" + bookB + "/cover?t=" + capability)).statusCode()).isEqualTo(404);
        for (String media : List.of("/hls/master.m3u8", "/dash/manifest.mpd", "/stream?start=0.2")) {
            String joiner = media.contains("?") ? "&" : "?";
            assertThat(server.anonymous(get("/api/v1/books/" + bookA + media + joiner + "t=" + capability)).statusCode()).as(media).isEqualTo(200);
            assertThat(server.anonymous(get("/api/v1/books/" + bookB + media + joiner + "t=" + capability)).statusCode()).as(media).isEqualTo(404);
        }
        String tampered = capability.substring(0, capability.length() - 2) + (capability.endsWith("A") ? "BB" : "AA");
        assertThat(server.anonymous(get("/api/v1/books/" + bookA + "/cover?t=" + tampered)).statusCode()).isEqualTo(401);

        clock.advance(Duration.ofMinutes(61));

        assertThat(server.anonymous(get("/api/v1/books/" + bookA + "/cover?t=" + capability)).statusCode()).as("expired").isEqualTo(401);
        assertThat(server.anonymous(get("/api/v1/files/" + fileA + "?t=" + capability)).statusCode()).as("expired").isEqualTo(401);
    }

    @Test
    void aMediaCapabilityOpensItsBooksFilesAndNoOthers() throws IOException {
        String capability = json(server.as(alice, jsonRequest("/api/v1/books/" + bookA + "/media-token", "POST", ""))).get("token").asText();
        byte[] file = Files.readAllBytes(books.resolve("Ann/Alpha Book/01.mp3"));

        HttpResponse<byte[]> whole = server.anonymousBytes(get("/api/v1/files/" + fileA + "?t=" + capability));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(file);
        HttpResponse<byte[]> range = server.anonymousBytes(get("/api/v1/files/" + fileA + "?t=" + capability).header("Range", "bytes=0-9"));
        assertThat(range.statusCode()).as("players seek with ranges").isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOf(file, 10));

        HttpResponse<String> other = server.anonymous(get("/api/v1/files/" + fileB + "?t=" + capability));
        assertThat(other.statusCode()).as("another library's book").isEqualTo(404);
        assertThat(other.body()).doesNotContain("Bravo");
        String administrators = json(server.send(jsonRequest("/api/v1/books/" + bookA + "/media-token", "POST", ""))).get("token").asText();
        assertThat(server.anonymous(get("/api/v1/files/" + fileB + "?t=" + administrators)).statusCode())
                .as("scoped to its book, though its account reads every library").isEqualTo(404);
        assertThat(server.anonymous(get("/api/v1/files/" + fileA + "?t=" + administrators)).statusCode()).isEqualTo(200);
        assertThat(server.anonymous(get("/api/v1/files/" + fileA + "?download=1&t=" + capability)).statusCode())
                .as("a capability streams; keeping the file needs the account's download permission").isEqualTo(403);
        assertThat(server.anonymous(get("/api/v1/files/" + fileA).header("Authorization", "Bearer " + capability)).statusCode())
                .as("not as a bearer token").isEqualTo(401);
        assertThat(server.anonymous(get("/api/v1/files/" + fileA + "?t=" + alice)).statusCode())
                .as("an access token is no capability").isEqualTo(401);

        assertThat(server.send(jsonRequest("/api/v1/users/" + userId("alice"), "PATCH", "{\"canDownload\":true}")).statusCode()).isEqualTo(200);
        HttpResponse<String> kept = server.anonymous(get("/api/v1/files/" + fileA + "?download=1&t=" + capability));
        assertThat(kept.statusCode()).as("once the account may download").isEqualTo(200);
        assertThat(kept.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment;"));
        assertThat(server.send(jsonRequest("/api/v1/users/" + userId("alice"), "PATCH", "{\"canDownload\":false}")).statusCode()).isEqualTo(200);
    }

    private static long userId(String username) {
        return json(server.get("/api/v1/users")).findParents("username").stream()
                .filter(u -> u.get("username").asText().equals(username)).findFirst().orElseThrow().get("id").asLong();
    }

    @Test
    void redirectsNeverLeaveTheServer() {
        for (String target : List.of("//evil.example/", "/\\evil.example/", "/api/v1/auth/login?redirect=https://evil.example/",
                "/api/v1/server?next=//evil.example", "/api/v1//evil.example", "/%2f%2fevil.example")) {
            String response = raw(target);
            assertThat(response).as(target).doesNotContainIgnoringCase("Location:");
            assertThat(status(response)).as(target).isLessThan(500);
        }
    }

    @Test
    void archivesAndOversizedOrDeepJsonAreRefused() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Multipart form = new Multipart().field("author", "Zed").field("title", "Zipped").file("files", "book.zip", zip);
        HttpResponse<String> archive = server.send(HttpRequest.newBuilder(server.uri("/api/v1/libraries/1/uploads"))
                .header("Content-Type", form.contentType()).POST(form.publisher()));
        assertThat(archive.statusCode()).as(archive.body()).isEqualTo(422);
        assertThat(Files.exists(books.resolve("Zed"))).isFalse();

        HttpResponse<String> deep = server.send(jsonRequest("/api/v1/users", "POST", "[".repeat(5000) + "]".repeat(5000)));
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(json(deep).at("/error/code").asText()).isEqualTo("invalid_json");

        HttpResponse<String> huge = server.send(jsonRequest("/api/v1/users", "POST",
                "{\"username\":\"" + "a".repeat(2 << 20) + "\",\"password\":\"x\"}"));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json(huge).at("/error/code").asText()).isEqualTo("payload_too_large");
    }
}
