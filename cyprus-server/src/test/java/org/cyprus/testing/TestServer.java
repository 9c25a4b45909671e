package org.cyprus.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.cyprus.app.Application;
import java.util.EnumMap;
import java.util.Map;
import org.cyprus.config.ConfigLoader;
import org.cyprus.config.ServerConfig;
import org.cyprus.config.Setting;
import org.cyprus.system.Version;

/** A real Cyprus server on a free loopback port with its own SQLite file, and a real HTTP client for it. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Application application;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServerConfig config;
    private volatile String token;

    private TestServer(Application application, ServerConfig config) {
        this.application = application;
        this.config = config;
        this.base = URI.create("http://127.0.0.1:" + application.port());
    }

    /** Starts a server whose data lives in {@code dataDir}, over the sample library. */
    public static TestServer start(Path dataDir) {
        return start(config(dataDir));
    }

    public static TestServer start(ServerConfig config) {
        return new TestServer(Application.start(config, Version.current()), config);
    }

    /** A server whose idea of the time is {@code clock}, for lifetimes and delays. */
    public static TestServer start(ServerConfig config, java.time.Clock clock) {
        return new TestServer(Application.start(config, Version.current(), clock), config);
    }

    /** The configuration tests start from: loopback, any free port, data in {@code dataDir}, the sample library. */
    public static ServerConfig config(Path dataDir) {
        return config(dataDir, RepositoryRoot.sampleLibrary(), false, Map.of());
    }

    /** A configuration read the way the server reads it, from flags: {@code extra} adds or overrides settings. */
    public static ServerConfig config(Path dataDir, Path library, boolean watch, Map<Setting, String> extra) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.PORT, "0");
        flags.put(Setting.DATA_DIR, dataDir.toString());
        flags.put(Setting.LIBRARY, library.toString());
        flags.put(Setting.SERVER_NAME, "Cyprus Test");
        flags.put(Setting.WATCH, Boolean.toString(watch));
        flags.put(Setting.RESCAN_INTERVAL_MINUTES, "0");
        flags.put(Setting.ACCESS_LOG, "false");
        flags.put(Setting.SHUTDOWN_GRACE_SECONDS, "2");
        flags.putAll(extra);
        return new ConfigLoader(Map.of(), Optional.empty()).load(Optional.empty(), flags);
    }

    public ServerConfig serverConfig() {
        return config;
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** The administrator tests sign in as. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    /** Creates the administrator (first-run setup) and signs every later request of this client in as them. */
    public TestServer signInAsAdmin() {
        if (application.services().accounts().setupRequired()) {
            application.services().accounts().setUp(ADMIN, ADMIN_PASSWORD);
        }
        token = login(ADMIN, ADMIN_PASSWORD);
        return this;
    }

    /** Signs in over HTTP and returns the access token. */
    public String login(String username, String password) {
        HttpResponse<String> response = anonymous(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}")));
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in as " + username + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("accessToken").asText();
    }

    /** Sends {@code request} as it is, without the administrator's credentials. */
    public HttpResponse<String> anonymous(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #anonymous}, with the body as bytes. */
    public HttpResponse<byte[]> anonymousBytes(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code request} with {@code bearer} as its access token (or API key). */
    public HttpResponse<String> as(String bearer, HttpRequest.Builder request) {
        return anonymous(request.header("Authorization", "Bearer " + bearer));
    }

    /** Sends {@code request}, signed in as the administrator once {@link #signInAsAdmin()} has run. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return exchange(asAdmin(request), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, with the body as bytes. */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        return exchange(asAdmin(request), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        String current = token;
        return current == null ? request : request.header("Authorization", "Bearer " + current);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Starts a server over {@code library} (registered as its first library) and waits for the first scan. */
    public static TestServer startWithLibrary(Path dataDir, Path library) {
        return startWithLibrary(dataDir, library, false);
    }

    /** As {@link #startWithLibrary(Path, Path)}, with file-system watching on or off. */
    public static TestServer startWithLibrary(Path dataDir, Path library, boolean watch) {
        TestServer server = start(config(dataDir, library, watch, Map.of()));
        server.signInAsAdmin();
        server.awaitScans(1, 0);
        return server;
    }

    /** The number of finished scans of {@code libraryId} so far. */
    public long completedScans(long libraryId) {
        return json(get("/api/v1/libraries/" + libraryId + "/scan")).get("completed").asLong();
    }

    /** Waits until more than {@code before} scans of the library have finished and none runs; returns the last report. */
    public JsonNode awaitScans(long libraryId, long before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json(get("/api/v1/libraries/" + libraryId + "/scan"));
            if (status.get("completed").asLong() > before && !status.get("running").asBoolean()) {
                return status.get("lastReport");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no scan finished within 60 s");
    }

    /** Asks for a scan (of {@code folder}, or all when null) and waits for its report. */
    public JsonNode rescan(long libraryId, String folder) {
        long before = completedScans(libraryId);
        String body = folder == null ? "" : "{\"path\":" + quote(folder) + "}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/libraries/" + libraryId + "/scan"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 202) {
            throw new AssertionError("scan request answered " + response.statusCode() + ": " + response.body());
        }
        return awaitScans(libraryId, before);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application, for tests that also work on it directly. */
    public Application application() {
        return application;
    }

    public int port() {
        return application.port();
    }

    @Override
    public void close() {
        application.close();
    }
}
