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
import org.cyprus.config.ServerConfig;
import org.cyprus.system.Version;

/** A real Cyprus server on a free loopback port with its own SQLite file, and a real HTTP client for it. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Application application;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServerConfig config;

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

    /** The configuration tests start from: loopback, any free port, data in {@code dataDir}. */
    public static ServerConfig config(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, dataDir, Optional.of(RepositoryRoot.sampleLibrary()),
                "jdbc:sqlite:" + dataDir.resolve("cyprus.db"), "Cyprus Test", ServerConfig.LogLevel.INFO, false,
                Duration.ofSeconds(2));
    }

    public ServerConfig serverConfig() {
        return config;
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
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

    public int port() {
        return application.port();
    }

    @Override
    public void close() {
        application.close();
    }
}
