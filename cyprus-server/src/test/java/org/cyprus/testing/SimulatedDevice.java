package org.cyprus.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A listening device as a client app would be: signed in under its own name, keeping its sequence number and the
 * last book version it saw, talking HTTP and (once connected) the WebSocket.
 */
public final class SimulatedDevice implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile URI base;
    private volatile String token;
    private volatile String refreshToken;
    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private long seq;
    private long version;
    private WebSocket socket;

    private SimulatedDevice(URI base, String token, String refreshToken) {
        this.base = base;
        this.token = token;
        this.refreshToken = refreshToken;
    }

    /** Signs {@code username} in as a device called {@code deviceName}. */
    public static SimulatedDevice signIn(URI base, String username, String password, String deviceName) {
        HttpResponse<String> r = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"deviceName\":\"" + deviceName + "\"}")));
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode tokens = json(r.body());
        return new SimulatedDevice(base, tokens.get("accessToken").asText(), tokens.get("refreshToken").asText());
    }

    /** Points the device at a restarted server. */
    public void rebase(URI newBase) {
        this.base = newBase;
    }

    public String token() {
        return token;
    }

    public long version() {
        return version;
    }

    public long nextSeq() {
        return ++seq;
    }

    /** Sends one event online with the next sequence number and the last version seen. */
    public HttpResponse<String> event(String bookId, String action, double positionSec) {
        return event(bookId, action, positionSec, nextSeq(), null);
    }

    /** Sends one event with an explicit sequence number; {@code deviceTimeMs} may be null. */
    public HttpResponse<String> event(String bookId, String action, double positionSec, long seqNo, Long deviceTimeMs) {
        String body = "{\"action\":\"" + action + "\",\"positionSec\":" + positionSec + ",\"seq\":" + seqNo + ",\"baseVersion\":" + version
                + (deviceTimeMs == null ? "" : ",\"deviceTimeMs\":" + deviceTimeMs) + "}";
        HttpResponse<String> r = request("PUT", "/api/v1/me/progress/" + bookId, body);
        learn(r);
        return r;
    }

    /** Sends a batch of stored offline events (JSON objects without seq, which is added here). */
    public HttpResponse<String> batch(List<String> events, Long deviceNowMs) {
        StringBuilder b = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            b.append(i == 0 ? "" : ",").append(e, 0, e.length() - 1).append(",\"seq\":").append(nextSeq())
                    .append(",\"baseVersion\":").append(version).append('}');
        }
        b.append("]").append(deviceNowMs == null ? "" : ",\"deviceNowMs\":" + deviceNowMs).append('}');
        return rawBatch(b.toString());
    }

    public HttpResponse<String> rawBatch(String body) {
        HttpResponse<String> r = request("POST", "/api/v1/me/progress/events", body);
        if (r.statusCode() == 200) {
            version = Math.max(version, json(r.body()).get("version").asLong());
        }
        return r;
    }

    private void learn(HttpResponse<String> r) {
        JsonNode body = json(r.body());
        if (body.has("book")) {
            version = Math.max(version, body.get("book").get("version").asLong());
        }
    }

    /** Learns the book's current version, as an app does when it opens a book. */
    public JsonNode open(String bookId) {
        JsonNode view = json(get("/api/v1/me/progress/" + bookId).body());
        version = Math.max(version, view.get("book").get("version").asLong());
        return view;
    }

    public HttpResponse<String> get(String path) {
        return request("GET", path, null);
    }

    /** Sends a request as this device; an expired access token (the tests move the clock) is refreshed once. */
    public HttpResponse<String> request(String method, String path, String body) {
        HttpResponse<String> r = requestOnce(method, path, body);
        if (r.statusCode() == 401) {
            HttpResponse<String> refreshed = send(client, HttpRequest.newBuilder(base.resolve("/api/v1/auth/refresh"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")));
            if (refreshed.statusCode() == 200) {
                JsonNode tokens = json(refreshed.body());
                token = tokens.get("accessToken").asText();
                refreshToken = tokens.get("refreshToken").asText();
                r = requestOnce(method, path, body);
            }
        }
        return r;
    }

    private HttpResponse<String> requestOnce(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(client, b);
    }

    /** Opens the WebSocket, authenticated by a first {@code auth} message, and waits for the greeting. */
    public JsonNode connect() {
        socket = client.newWebSocketBuilder().buildAsync(URI.create("ws://" + base.getAuthority() + "/api/v1/ws"), new Collector())
                .join();
        sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        JsonNode hello = await(m -> m.path("type").asText().equals("hello"), Duration.ofSeconds(5));
        version = Math.max(version, hello.get("version").asLong());
        return hello;
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message matching {@code what}, skipping others; fails after {@code timeout}. */
    public JsonNode await(Predicate<JsonNode> what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode m = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no matching WebSocket message within " + timeout);
                }
                if (m.path("type").asText().equals("position")) {
                    version = Math.max(version, m.get("book").get("version").asLong());
                }
                if (what.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public void forgetReceived() {
        received.clear();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(json(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(JSON.createObjectNode().put("type", "closed").put("code", statusCode).put("reason", reason));
            return null;
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
