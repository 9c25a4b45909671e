package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.Multipart;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the route table, called by an administrator, a user who may read library A only, a guest of library
 * A, a disabled user and nobody, with ids from both libraries: each answer must be the one the access policy gives,
 * and nothing the limited accounts receive may mention library B. A route without a probe here fails the test.
 */
class AuthorizationMatrixIT {
    private static final String PASSWORD = "a sturdy test passphrase";

    @TempDir
    static Path work;

    static TestServer server;
    static long libraryA;
    static long libraryB;
    static String bookA;
    static String bookB;
    static String fileA;
    static String fileB;
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static final List<String> leaks = new ArrayList<>();
    /** Probes after which some of the stored sessions are gone: everywhere sign-out, and a password change. */
    static final Set<String> SIGNS_OUT = Set.of("DELETE /api/v1/me/sessions", "PUT /api/v1/me/password");

    /** Who calls. */
    enum Who { ADMIN, ALICE, GUEST, DISABLED, NOBODY }

    /** Which library's resource a probe touches. */
    enum Scope { NONE, A, B }

    /** One concrete call of one route; {@code download} marks a request to keep a file, which needs that permission. */
    record Probe(String route, Scope scope, Function<Who, HttpRequest.Builder> request, boolean download) {
        Probe(String route, Scope scope, Function<Who, HttpRequest.Builder> request) {
            this(route, scope, request, false);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path a = work.resolve("a");
        AudioFixtures.mp3(a.resolve("Ann/Alpha Book/01.mp3"), 1, Map.of("album", "Alpha Book"));
        AudioFixtures.jpeg(a.resolve("Ann/Alpha Book/cover.jpg"), "red");
        Path b = work.resolve("b");
        AudioFixtures.mp3(b.resolve("Bob/Bravo Book/01.mp3"), 1, Map.of("album", "Bravo Book"));
        AudioFixtures.jpeg(b.resolve("Bob/Bravo Book/cover.jpg"), "blue");
        server = TestServer.startWithLibrary(work.resolve("data"), a);
        libraryA = 1;
        HttpResponse<String> created = server.send(jsonRequest("/api/v1/libraries", "POST", "{\"name\":\"Library B\",\"folders\":[\"" + b + "\"]}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        libraryB = json(created).get("id").asLong();
        server.awaitScans(libraryB, 0);
        bookA = json(server.get("/api/v1/libraries/" + libraryA + "/books")).at("/items/0/id").asText();
        bookB = json(server.get("/api/v1/libraries/" + libraryB + "/books")).at("/items/0/id").asText();
        fileA = json(server.get("/api/v1/books/" + bookA)).at("/files/0/id").asText();
        fileB = json(server.get("/api/v1/books/" + bookB)).at("/files/0/id").asText();
        createUser("alice", "user", "[" + libraryA + "]");
        createUser("guest", "guest", "[" + libraryA + "]");
        createUser("dora", "user", "\"all\"");
        signInEveryone();
        tokens.put("DISABLED", server.login("dora", PASSWORD));
        long dora = json(server.get("/api/v1/users")).findParents("username").stream()
                .filter(u -> u.get("username").asText().equals("dora")).findFirst().orElseThrow().get("id").asLong();
        assertThat(server.send(jsonRequest("/api/v1/users/" + dora, "PATCH", "{\"active\":false}")).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Fresh sessions for every account that can sign in, after a probe that signed some out. */
    private static void signInEveryone() {
        server.signInAsAdmin();
        tokens.put("ADMIN", server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD));
        tokens.put("ALICE", server.login("alice", PASSWORD));
        tokens.put("GUEST", server.login("guest", PASSWORD));
    }

    private static long createUser(String name, String role, String libraries) {
        HttpResponse<String> r = server.send(jsonRequest("/api/v1/users", "POST",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\",\"libraries\":" + libraries + "}"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asLong();
    }

    private static HttpRequest.Builder jsonRequest(String path, String method, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path));
    }

    private static String library(Scope scope) {
        return Long.toString(scope == Scope.B ? libraryB : libraryA);
    }

    private static String book(Scope scope) {
        return scope == Scope.B ? bookB : bookA;
    }

    /** The media playlist path of the book of {@code scope}, as the administrator's multivariant playlist names it. */
    private static String mediaPlaylist(Scope scope) {
        String master = server.as(tokens.get("ADMIN"), request("/api/v1/books/" + book(scope) + "/hls/master.m3u8")).body();
        String relative = master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        return server.uri("/api/v1/books/" + book(scope) + "/hls/").resolve(relative).getPath();
    }

    private static String file(Scope scope) {
        return scope == Scope.B ? fileB : fileA;
    }

    /** A fresh access token of {@code who}, for probes that sign a session out. */
    private static String freshToken(Who who) {
        return switch (who) {
            case ADMIN -> server.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
            case ALICE -> server.login("alice", PASSWORD);
            case GUEST -> server.login("guest", PASSWORD);
            default -> tokens.getOrDefault(who.name(), "none");
        };
    }

    /** Every probe, by route key ({@code METHOD path}). */
    private static List<Probe> probes() {
        List<Probe> p = new ArrayList<>();
        p.add(new Probe("GET /health", Scope.NONE, w -> request("/health")));
        p.add(new Probe("GET /api/v1/server", Scope.NONE, w -> request("/api/v1/server")));
        p.add(new Probe("GET /api/v1/openapi.json", Scope.NONE, w -> request("/api/v1/openapi.json")));
        p.add(new Probe("POST /api/v1/setup", Scope.NONE, w -> jsonRequest("/api/v1/setup", "POST", "{\"username\":\"x\",\"password\":\"" + PASSWORD + "\"}")));
        p.add(new Probe("POST /api/v1/auth/login", Scope.NONE, w -> jsonRequest("/api/v1/auth/login", "POST",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}")));
        p.add(new Probe("POST /api/v1/auth/refresh", Scope.NONE, w -> jsonRequest("/api/v1/auth/refresh", "POST", "{\"refreshToken\":\"forged\"}")));
        p.add(new Probe("POST /api/v1/auth/logout", Scope.NONE, w -> jsonRequest("/api/v1/auth/logout", "POST", "")
                .header("Authorization", "Bearer " + freshToken(w))));
        p.add(new Probe("GET /api/v1/me", Scope.NONE, w -> request("/api/v1/me")));
        p.add(new Probe("PUT /api/v1/me/password", Scope.NONE, w -> jsonRequest("/api/v1/me/password", "PUT",
                "{\"currentPassword\":\"" + (w == Who.ADMIN ? TestServer.ADMIN_PASSWORD : PASSWORD) + "\",\"newPassword\":\""
                        + (w == Who.ADMIN ? TestServer.ADMIN_PASSWORD : PASSWORD) + "\"}")));
        p.add(new Probe("GET /api/v1/me/sessions", Scope.NONE, w -> request("/api/v1/me/sessions")));
        p.add(new Probe("DELETE /api/v1/me/sessions", Scope.NONE, w -> request("/api/v1/me/sessions").DELETE()
                .header("Authorization", "Bearer " + freshToken(w))));
        p.add(new Probe("DELETE /api/v1/me/sessions/{id}", Scope.NONE, w -> {
            String throwaway = freshToken(w);
            String id = w == Who.DISABLED || w == Who.NOBODY ? "nope" : json(server.as(throwaway, request("/api/v1/me/sessions")))
                    .findParents("current").stream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow().get("id").asText();
            return request("/api/v1/me/sessions/" + id).DELETE();
        }));
        p.add(new Probe("GET /api/v1/me/api-keys", Scope.NONE, w -> request("/api/v1/me/api-keys")));
        p.add(new Probe("POST /api/v1/me/api-keys", Scope.NONE, w -> jsonRequest("/api/v1/me/api-keys", "POST", "{\"name\":\"probe\"}")));
        p.add(new Probe("DELETE /api/v1/me/api-keys/{id}", Scope.NONE, w -> {
            String id = "999999";
            if (w == Who.ADMIN || w == Who.ALICE) {
                id = json(server.as(tokens.get(w.name()), jsonRequest("/api/v1/me/api-keys", "POST", "{\"name\":\"doomed\"}"))).at("/key/id").asText();
            }
            return request("/api/v1/me/api-keys/" + id).DELETE();
        }));
        p.add(new Probe("GET /api/v1/users", Scope.NONE, w -> request("/api/v1/users")));
        p.add(new Probe("POST /api/v1/users", Scope.NONE, w -> jsonRequest("/api/v1/users", "POST",
                "{\"username\":\"made-by-" + w.name().toLowerCase() + "\",\"password\":\"" + PASSWORD + "\"}")));
        p.add(new Probe("GET /api/v1/users/{id}", Scope.NONE, w -> request("/api/v1/users/1")));
        p.add(new Probe("PATCH /api/v1/users/{id}", Scope.NONE, w -> jsonRequest("/api/v1/users/1", "PATCH", "{\"canDownload\":true}")));
        p.add(new Probe("DELETE /api/v1/users/{id}", Scope.NONE, w ->
                request("/api/v1/users/" + createUser("doomed-" + System.nanoTime(), "user", "\"all\"")).DELETE()));
        p.add(new Probe("PUT /api/v1/users/{id}/password", Scope.NONE, w -> jsonRequest("/api/v1/users/"
                + createUser("reset-" + System.nanoTime(), "user", "\"all\"") + "/password", "PUT", "{\"password\":\"" + PASSWORD + "\"}")));
        p.add(new Probe("GET /api/v1/libraries", Scope.NONE, w -> request("/api/v1/libraries")));
        p.add(new Probe("POST /api/v1/libraries", Scope.NONE, w -> {
            try {
                Path folder = Files.createDirectories(work.resolve("new-" + w.name()));
                return jsonRequest("/api/v1/libraries", "POST", "{\"name\":\"Made by " + w + "\",\"folders\":[\"" + folder + "\"]}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        for (Scope s : List.of(Scope.A, Scope.B)) {
            p.add(new Probe("GET /api/v1/libraries/{id}", s, w -> request("/api/v1/libraries/" + library(s))));
            p.add(new Probe("POST /api/v1/libraries/{id}/scan", s, w -> jsonRequest("/api/v1/libraries/" + library(s) + "/scan", "POST", "")));
            p.add(new Probe("GET /api/v1/libraries/{id}/scan", s, w -> request("/api/v1/libraries/" + library(s) + "/scan")));
            p.add(new Probe("GET /api/v1/libraries/{id}/books", s, w -> request("/api/v1/libraries/" + library(s) + "/books")));
            p.add(new Probe("POST /api/v1/libraries/{id}/uploads", s, w -> {
                Multipart form = new Multipart().field("title", "x").file("files", "x.txt", "not audio".getBytes());
                return request("/api/v1/libraries/" + library(s) + "/uploads").header("Content-Type", form.contentType()).POST(form.publisher());
            }));
            p.add(new Probe("GET /api/v1/books/{id}", s, w -> request("/api/v1/books/" + book(s))));
            p.add(new Probe("POST /api/v1/books/{id}/media-token", s, w -> jsonRequest("/api/v1/books/" + book(s) + "/media-token", "POST", "")));
            p.add(new Probe("GET /api/v1/books/{id}/cover", s, w -> request("/api/v1/books/" + book(s) + "/cover?size=128")));
            p.add(new Probe("GET /api/v1/books/{id}/stream", s, w -> request("/api/v1/books/" + book(s) + "/stream?start=0.5")));
            p.add(new Probe("GET /api/v1/books/{id}/hls/master.m3u8", s, w -> request("/api/v1/books/" + book(s) + "/hls/master.m3u8")));
            p.add(new Probe("GET /api/v1/books/{id}/dash/manifest.mpd", s, w -> request("/api/v1/books/" + book(s) + "/dash/manifest.mpd")));
            p.add(new Probe("GET /api/v1/books/{id}/media/{version}/{name}", s, w -> request(mediaPlaylist(s))));
            p.add(new Probe("GET /api/v1/files/{id}", s, w -> request("/api/v1/files/" + file(s)).header("Range", "bytes=0-99")));
            p.add(new Probe("GET /api/v1/files/{id}", s, w -> request("/api/v1/files/" + file(s) + "?download=1"), true));
        }
        p.add(new Probe("DELETE /api/v1/libraries/{id}", Scope.NONE, w -> {
            try {
                Path folder = Files.createDirectories(work.resolve("doomed-" + System.nanoTime()));
                long id = json(server.as(tokens.get("ADMIN"), jsonRequest("/api/v1/libraries", "POST",
                        "{\"name\":\"Doomed " + System.nanoTime() + "\",\"folders\":[\"" + folder + "\"]}"))).get("id").asLong();
                return request("/api/v1/libraries/" + id).DELETE();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        p.add(new Probe("GET /api/v1/me/progress", Scope.NONE, w -> request("/api/v1/me/progress")));
        p.add(new Probe("GET /api/v1/me/stats", Scope.NONE, w -> request("/api/v1/me/stats")));
        p.add(new Probe("GET /api/v1/me/sessions/listening", Scope.NONE, w -> request("/api/v1/me/sessions/listening")));
        p.add(new Probe("GET /api/v1/me/bookmarks", Scope.NONE, w -> request("/api/v1/me/bookmarks")));
        p.add(new Probe("DELETE /api/v1/me/bookmarks/{id}", Scope.NONE, w -> request("/api/v1/me/bookmarks/none-such").DELETE()));
        p.add(new Probe("POST /api/v1/me/devices/{id}/control", Scope.NONE, w -> jsonRequest("/api/v1/me/devices/none-such/control",
                "POST", "{\"command\":\"pause\"}")));
        for (Scope s : List.of(Scope.A, Scope.B)) {
            String event = "{\"action\":\"play\",\"positionSec\":0.5,\"seq\":1}";
            p.add(new Probe("PUT /api/v1/me/progress/{bookId}", s, w -> jsonRequest("/api/v1/me/progress/" + book(s), "PUT", event)));
            p.add(new Probe("GET /api/v1/me/progress/{bookId}", s, w -> request("/api/v1/me/progress/" + book(s))));
            p.add(new Probe("DELETE /api/v1/me/progress/{bookId}", s, w -> request("/api/v1/me/progress/" + book(s)).DELETE()));
            p.add(new Probe("POST /api/v1/me/progress/events", s, w -> jsonRequest("/api/v1/me/progress/events", "POST",
                    "{\"events\":[{\"bookId\":\"" + book(s) + "\",\"action\":\"pause\",\"positionSec\":0.5,\"seq\":2}]}")));
            p.add(new Probe("PUT /api/v1/me/bookmarks/{id}", s, w -> jsonRequest("/api/v1/me/bookmarks/probe-" + s, "PUT",
                    "{\"bookId\":\"" + book(s) + "\",\"positionSec\":0.5,\"title\":\"probe\"}")));
        }
        p.add(new Probe("GET /", Scope.NONE, w -> request("/").header("Accept", "text/html")));
        p.add(new Probe("GET /assets/{name}", Scope.NONE, w -> request("/assets/none-such.js")));
        p.add(new Probe("GET /{name}", Scope.NONE, w -> request("/manifest.webmanifest")));
        for (String facet : List.of("authors", "narrators", "series", "genres")) {
            p.add(new Probe("GET /api/v1/" + facet, Scope.NONE, w -> request("/api/v1/" + facet)));
        }
        return p;
    }

    /** What the policy says {@code who} gets from the probe: an exact status, or 0 for "allowed" (any status the guard lets through). */
    private static int expected(Who who, Probe probe, Access access) {
        if (access == Access.PUBLIC) {
            return switch (probe.route()) {
                case "POST /api/v1/setup" -> 409;
                case "POST /api/v1/auth/refresh" -> 401;
                default -> 0;
            };
        }
        if (who == Who.NOBODY || who == Who.DISABLED) {
            return 401;
        }
        if (access == Access.ADMIN) {
            return who == Who.ADMIN ? 0 : 403;
        }
        if (who == Who.GUEST && (probe.route().startsWith("PUT /api/v1/me/password") || probe.route().contains("/api-keys"))) {
            return 403;
        }
        if (who != Who.ADMIN && probe.scope() == Scope.B) {
            return 404;
        }
        if (probe.download() && who != Who.ADMIN) {
            return 403; // neither alice nor the guest may download books to keep; streaming needs no such permission
        }
        return 0;
    }

    @Test
    void everyRouteAnswersEveryoneAsThePolicySays() {
        Map<String, Access> routes = new LinkedHashMap<>();
        for (Route r : server.application().routes()) {
            routes.put(r.method() + " " + r.path(), r.access());
        }
        List<Probe> probes = probes();
        Set<String> probed = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Probe probe : probes) {
            Access access = routes.get(probe.route());
            assertThat(access).as("probe for an unknown route %s", probe.route()).isNotNull();
            probed.add(probe.route());
            for (Who who : Who.values()) {
                HttpRequest.Builder request = probe.request().apply(who);
                HttpResponse<String> response = who == Who.NOBODY ? server.anonymous(request)
                        : request.build().headers().firstValue("Authorization").isPresent() ? server.anonymous(request)
                        : server.as(tokens.get(who.name()), request);
                int want = expected(who, probe, access);
                int got = response.statusCode();
                boolean ok = want == 0 ? got != 401 && got != 403 && !(probe.scope() != Scope.NONE && got == 404) && got < 500 : got == want;
                if (!ok) {
                    wrong.add(who + " " + probe.route() + " [" + probe.scope() + "] -> " + got + " (wanted " + (want == 0 ? "allowed" : want) + ") "
                            + response.body().substring(0, Math.min(160, response.body().length())));
                }
                if ((who == Who.ALICE || who == Who.GUEST) && got < 300) {
                    checkNoLeak(who, probe, response.body());
                }
                if (SIGNS_OUT.contains(probe.route())) {
                    signInEveryone();
                }
            }
        }
        assertThat(routes.keySet()).as("routes without an authorization probe").containsAll(probed)
                .allSatisfy(route -> assertThat(probed).as("probes").contains(route));
        assertThat(wrong).isEmpty();
        assertThat(leaks).isEmpty();
    }

    private static void checkNoLeak(Who who, Probe probe, String body) {
        for (String secret : List.of(bookB, "Bravo Book", "Library B", "\"libraryId\":" + libraryB)) {
            if (body.contains(secret)) {
                leaks.add(who + " " + probe.route() + " [" + probe.scope() + "] mentions " + secret);
            }
        }
    }

    @Test
    void aMediaCapabilityOpensItsBookAndNothingElse() {
        String capability = json(server.as(tokens.get("ALICE"), jsonRequest("/api/v1/books/" + bookA + "/media-token", "POST", "")))
                .get("token").asText();

        assertThat(server.anonymous(request("/api/v1/books/" + bookA + "/cover?t=" + capability)).statusCode()).isEqualTo(200);
        assertThat(server.anonymous(request("/api/v1/books/" + bookB + "/cover?t=" + capability)).statusCode()).isEqualTo(404);
        assertThat(server.anonymous(request("/api/v1/books/" + bookA + "?t=" + capability)).statusCode())
                .as("not on non-media routes").isEqualTo(401);
        assertThat(server.anonymous(request("/api/v1/libraries?t=" + capability)).statusCode()).isEqualTo(401);
        assertThat(server.as(capability, request("/api/v1/me")).statusCode()).as("nor as a bearer token").isEqualTo(401);
        JsonNode mine = json(server.as(tokens.get("ADMIN"), jsonRequest("/api/v1/books/" + bookB + "/media-token", "POST", "")));
        String forged = mine.get("token").asText().replaceFirst("^mc\\.[^.]+", "mc." + java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString("2".getBytes()));
        assertThat(server.anonymous(request("/api/v1/books/" + bookB + "/cover?t=" + forged)).statusCode())
                .as("re-addressed to another user").isEqualTo(401);
    }
}
