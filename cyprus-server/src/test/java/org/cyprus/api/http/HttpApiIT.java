package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.cyprus.testing.RawHttp;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP basics over a real server on a free port: health, server info, and the error shape of every failure. */
class HttpApiIT {
    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(json(response).size()).as("only the error member").isEqualTo(1);
    }

    @Test
    void healthIsOkOnceTheDatabaseIsMigrated() {
        HttpResponse<String> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void serverInfoNamesTheServerAndAsksForSetup() {
        JsonNode info = json(server.get("/api/v1/server"));

        assertThat(info.get("name").asText()).isEqualTo("Cyprus Test");
        assertThat(info.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.get("setupRequired").asBoolean()).isTrue();
        assertThat(info.size()).isEqualTo(3);
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> head = server.send(HttpRequest.newBuilder(server.uri("/health")).HEAD());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue("15");
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void unknownRoutesAreJson404s() {
        HttpResponse<String> response = server.get("/api/v1/nothing-here");

        assertError(response, 404, "not_found");
        assertThat(json(response).at("/error/message").asText()).contains("/api/v1/nothing-here");
    }

    @Test
    void wrongMethodsAreJson405sThatListTheAllowedOnes() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/server"))
                .DELETE());

        assertError(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void requestsJettyRejectsAreJsonToo() {
        String encodedDotDot = RawHttp.exchange(server.port(),
                "GET /api/v1/%2e%2e/secret HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(encodedDotDot).startsWith("HTTP/1.1 400 ");
        assertThat(RawHttp.body(encodedDotDot)).startsWith("{\"error\":{\"code\":\"bad_request\",\"message\":");

        String hugeHeader = RawHttp.exchange(server.port(),
                "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 431 ");
        assertThat(RawHttp.body(hugeHeader)).contains("\"code\":\"headers_too_large\"");

        String notHttp = RawHttp.exchange(server.port(), "HELLO\r\n\r\n");
        assertThat(notHttp).startsWith("HTTP/1.1 400 ");
        assertThat(RawHttp.body(notHttp)).contains("\"code\":\"bad_request\"");
    }
}
