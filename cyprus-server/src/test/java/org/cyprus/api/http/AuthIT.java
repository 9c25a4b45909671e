package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-run setup, signing in and out, cookies and CSRF, devices, API keys and account management, over HTTP. */
class AuthIT {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path work;

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(work.resolve("data"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.anonymous(request);
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.anonymous(request);
    }

    private JsonNode login(String user, String password) {
        HttpResponse<String> r = post("/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"deviceName\":\"Test Phone\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private String setUp() {
        assertThat(post("/api/v1/setup", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(201);
        return login("admin", PASSWORD).get("accessToken").asText();
    }

    @Test
    void setupHappensExactlyOnce() {
        assertThat(json(get("/api/v1/server")).get("setupRequired").asBoolean()).isTrue();
        HttpResponse<String> weak = post("/api/v1/setup", "{\"username\":\"admin\",\"password\":\"password\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(json(weak).at("/error/message").asText()).contains("common");
        assertThat(json(post("/api/v1/setup", "{\"username\":\"admin\",\"password\":\"short\"}")).at("/error/message").asText())
                .contains("8 characters");

        HttpResponse<String> first = post("/api/v1/setup", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("role").asText()).isEqualTo("admin");
        assertThat(json(get("/api/v1/server")).get("setupRequired").asBoolean()).isFalse();

        HttpResponse<String> again = post("/api/v1/setup", "{\"username\":\"intruder\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void signInGivesTokensThatWorkUntilSignOut() {
        String token = setUp();
        JsonNode me = json(get("/api/v1/me", "Authorization", "Bearer " + token));
        assertThat(me.get("username").asText()).isEqualTo("admin");
        assertThat(get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me").headers().firstValue("WWW-Authenticate")).isPresent();

        assertThat(post("/api/v1/auth/logout", "", "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAndUnknownNamesAreIndistinguishable() {
        setUp();
        HttpResponse<String> wrong = post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"nope nope nope\"}");
        HttpResponse<String> unknown = post("/api/v1/auth/login", "{\"username\":\"ghost\",\"password\":\"nope nope nope\"}");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void guessingIsThrottled() {
        setUp();
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"guess number " + i + "\"}");
            if (r.statusCode() == 429) {
                throttled++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(throttled).isPositive();
        HttpResponse<String> right = post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(right.statusCode()).as("even the right password waits").isEqualTo(429);
    }

    @Test
    void refreshTokensRotate() {
        setUp();
        JsonNode pair = login("admin", PASSWORD);
        HttpResponse<String> refreshed = post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + pair.get("refreshToken").asText() + "\"}");

        assertThat(refreshed.statusCode()).isEqualTo(200);
        String next = json(refreshed).get("accessToken").asText();
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + next).statusCode()).isEqualTo(200);
        assertThat(json(refreshed).get("refreshToken").asText()).isNotEqualTo(pair.get("refreshToken").asText());
        assertThat(post("/api/v1/auth/refresh", "{\"refreshToken\":\"made-up\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void theWebClientsCookiesAreHttpOnlyAndStateChangesNeedTheCsrfHeader() {
        setUp();
        HttpResponse<String> login = post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"useCookie\":true}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).get("accessToken").isNull()).as("no token for scripts to steal").isTrue();
        List<String> cookies = login.headers().allValues("Set-Cookie");
        String access = cookies.stream().filter(c -> c.startsWith("cyprus_access=")).findFirst().orElseThrow();
        assertThat(access).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(cookies.stream().filter(c -> c.startsWith("cyprus_refresh=")).findFirst().orElseThrow())
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/v1/auth");
        String cookie = access.substring(0, access.indexOf(';'));

        assertThat(get("/api/v1/me", "Cookie", cookie).statusCode()).isEqualTo(200);
        String key = "{\"name\":\"script\"}";
        assertThat(post("/api/v1/me/api-keys", key, "Cookie", cookie).statusCode()).as("no CSRF header").isEqualTo(403);
        assertThat(post("/api/v1/me/api-keys", key, "Cookie", cookie, RouteGuard.CSRF_HEADER, "1", "Origin", "https://evil.example")
                .statusCode()).as("another origin").isEqualTo(403);
        assertThat(post("/api/v1/me/api-keys", key, "Cookie", cookie, RouteGuard.CSRF_HEADER, "1").statusCode()).isEqualTo(201);
    }

    @Test
    void devicesAreListedAndSignedOutOneByOneOrEverywhere() {
        setUp();
        String phone = login("admin", PASSWORD).get("accessToken").asText();
        JsonNode laptopPair = login("admin", PASSWORD);
        String laptop = laptopPair.get("accessToken").asText();

        JsonNode sessions = json(get("/api/v1/me/sessions", "Authorization", "Bearer " + laptop));
        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.findValuesAsText("name")).contains("Test Phone");

        HttpResponse<String> revoke = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/me/sessions/"
                + sessions.get(sessions.size() - 1).get("id").asText())).header("Authorization", "Bearer " + laptop).DELETE());
        assertThat(revoke.statusCode()).isEqualTo(204);

        HttpResponse<String> everywhere = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/me/sessions"))
                .header("Authorization", "Bearer " + laptop).DELETE());
        assertThat(everywhere.statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + phone).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + laptop).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + laptopPair.get("refreshToken").asText() + "\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndRevocable() {
        String token = setUp();
        HttpResponse<String> created = post("/api/v1/me/api-keys", "{\"name\":\"Home Assistant\"}", "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json(created).get("secret").asText();
        long id = json(created).at("/key/id").asLong();
        assertThat(secret).startsWith("cyk_");

        assertThat(get("/api/v1/me", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(200);
        String listed = get("/api/v1/me/api-keys", "Authorization", "Bearer " + token).body();
        assertThat(listed).contains("Home Assistant").doesNotContain(secret);
        String stored = server.application().services().database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT key_hash FROM api_keys")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).doesNotContain(secret.substring(4)).hasSize(64);

        assertThat(server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/me/api-keys/" + id))
                .header("Authorization", "Bearer " + token).DELETE()).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(401);
    }

    @Test
    void administratorsManageAccountsAndTheLastAdministratorStays() {
        String admin = setUp();
        HttpResponse<String> created = post("/api/v1/users", "{\"username\":\"alice\",\"password\":\"her very own passphrase\",\"libraries\":[]}",
                "Authorization", "Bearer " + admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long aliceId = json(created).get("id").asLong();
        assertThat(json(created).get("role").asText()).isEqualTo("user");
        String alice = login("alice", "her very own passphrase").get("accessToken").asText();

        assertThat(get("/api/v1/users", "Authorization", "Bearer " + alice).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/users", "{\"username\":\"alice\",\"password\":\"another long one\"}", "Authorization", "Bearer " + admin)
                .statusCode()).isEqualTo(409);
        HttpResponse<String> demoteSelf = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/users/1"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\":\"user\"}")));
        assertThat(demoteSelf.statusCode()).isEqualTo(409);

        HttpResponse<String> disable = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/users/" + aliceId))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"active\":false}")));
        assertThat(disable.statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + alice).statusCode()).isEqualTo(401);

        HttpResponse<String> reset = server.anonymous(HttpRequest.newBuilder(server.uri("/api/v1/users/" + aliceId + "/password"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"a reset passphrase\"}")));
        assertThat(reset.statusCode()).isEqualTo(204);
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() {
        String token = setUp();
        HttpRequest.Builder wrong = HttpRequest.newBuilder(server.uri("/api/v1/me/password")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"not it at all\",\"newPassword\":\"a new long passphrase\"}"));
        assertThat(server.anonymous(wrong).statusCode()).isEqualTo(403);

        HttpRequest.Builder right = HttpRequest.newBuilder(server.uri("/api/v1/me/password")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a new long passphrase\"}"));
        assertThat(server.anonymous(right).statusCode()).isEqualTo(204);
        assertThat(login("admin", "a new long passphrase").get("accessToken").asText()).isNotBlank();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> response = get("/api/v1/server");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(get("/api/v1/nothing").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
    }
}
