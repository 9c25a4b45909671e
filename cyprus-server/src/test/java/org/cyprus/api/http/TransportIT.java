package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.testing.TestServer.json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cyprus.app.StartupException;
import org.cyprus.config.Setting;
import org.cyprus.testing.Certificates;
import org.cyprus.testing.RawHttp;
import org.cyprus.testing.RepositoryRoot;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in HTTPS from PEM files, and forwarding headers believed from configured reverse proxies only. */
class TransportIT {
    private static final String PASSWORD = "a sturdy test passphrase";

    @TempDir
    Path work;

    private TestServer start(Map<Setting, String> extra) {
        return TestServer.start(TestServer.config(work.resolve("data"), RepositoryRoot.sampleLibrary(), false, extra));
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void httpsFromPemFilesCarriesHstsAndSecureCookies() throws Exception {
        Certificates.Pem pem = Certificates.rsa(work.resolve("tls"));
        try (TestServer server = start(Map.of(Setting.TLS_CERT, pem.certificate().toString(), Setting.TLS_KEY, pem.key().toString()))) {
            HttpClient client = Certificates.clientTrusting(pem.certificate());
            URI base = URI.create("https://127.0.0.1:" + server.port());

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");

            assertThat(client.send(post(base.resolve("/api/v1/setup"), "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
            HttpResponse<String> login = client.send(post(base.resolve("/api/v1/auth/login"),
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"useCookie\":true}").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                    .allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite="));

            String plain = RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(plain).as("plain HTTP on the HTTPS port").doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void plainHttpHasNoHstsAndNoSecureCookies() {
        try (TestServer server = start(Map.of())) {
            assertThat(server.get("/health").headers().firstValue("Strict-Transport-Security")).isEmpty();
            server.signInAsAdmin();
            HttpResponse<String> login = server.anonymous(post(server.uri("/api/v1/auth/login"),
                    "{\"username\":\"" + TestServer.ADMIN + "\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\",\"useCookie\":true}"));
            assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
        }
    }

    @Test
    void unusableCertificatesStopStartUpWithTheReason() throws IOException {
        Certificates.Pem pem = Certificates.ec(work.resolve("tls"));
        Path traditional = Certificates.traditionalKey(pem, "ec");
        Path notPem = Files.writeString(work.resolve("not.pem"), "hello");

        assertThatThrownBy(() -> start(Map.of(Setting.TLS_CERT, pem.certificate().toString(), Setting.TLS_KEY, traditional.toString())))
                .isInstanceOf(StartupException.class).hasMessageContaining("EC PRIVATE KEY");
        assertThatThrownBy(() -> start(Map.of(Setting.TLS_CERT, notPem.toString(), Setting.TLS_KEY, pem.key().toString())))
                .isInstanceOf(StartupException.class).hasMessageContaining("no PEM CERTIFICATE");
    }

    /** The address the server recorded for the device session a sign-in made, with the given extra headers. */
    private static String recordedAddress(TestServer server, String... headers) {
        server.signInAsAdmin();
        HttpRequest.Builder login = post(server.uri("/api/v1/auth/login"),
                "{\"username\":\"" + TestServer.ADMIN + "\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        for (int i = 0; i < headers.length; i += 2) {
            login.header(headers[i], headers[i + 1]);
        }
        return json(server.anonymous(login)).at("/session/lastAddress").asText();
    }

    @Test
    void forwardingHeadersAreBelievedOnlyFromTrustedProxies() {
        try (TestServer direct = start(Map.of())) {
            assertThat(recordedAddress(direct, "X-Forwarded-For", "203.0.113.9")).as("untrusted: the socket's address").isEqualTo("127.0.0.1");
            HttpResponse<String> claimsHttps = direct.anonymous(HttpRequest.newBuilder(direct.uri("/health")).header("X-Forwarded-Proto", "https"));
            assertThat(claimsHttps.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        try (TestServer proxied = TestServer.start(TestServer.config(work.resolve("data2"), RepositoryRoot.sampleLibrary(), false,
                Map.of(Setting.TRUSTED_PROXIES, "10.0.0.0/8, 127.0.0.1")))) {
            assertThat(recordedAddress(proxied, "X-Forwarded-For", "203.0.113.9")).isEqualTo("203.0.113.9");
            HttpResponse<String> viaHttps = proxied.anonymous(HttpRequest.newBuilder(proxied.uri("/health")).header("X-Forwarded-Proto", "https"));
            assertThat(viaHttps.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        }
    }
}
