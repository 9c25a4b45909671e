package org.cyprus.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.SimulatedDevice.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cyprus.testing.MutableClock;
import org.cyprus.testing.SimulatedDevice;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listening scenarios with simulated devices over real HTTP and WebSocket, against a server whose clock the test
 * moves. Each scenario is its own listener, so scenarios cannot disturb one another.
 */
class SyncScenariosIT {
    private static final String PASSWORD = "a sturdy listening passphrase";
    private static final double HOUR = 3600;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private static final AtomicInteger users = new AtomicInteger();

    @TempDir
    static Path work;
    static TestServer server;
    static String book;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(work.resolve("data")), clock).signInAsAdmin();
        server.awaitScans(1, 0);
        book = json(server.get("/api/v1/libraries/1/books").body()).at("/items/0/id").asText();
        // The sample books are minutes long; these scenarios need a long one.
        server.application().services().database().write(c -> c.createStatement()
                .executeUpdate("UPDATE books SET duration_us = " + 10L * 3600 * 1_000_000 + " WHERE id = '" + book + "'"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new listener with devices of the given names. */
    private static List<SimulatedDevice> listener(String... deviceNames) {
        server.signInAsAdmin(); // the tests move the clock past the last token's lifetime
        String name = "listener" + users.incrementAndGet();
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"user\",\"libraries\":\"all\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        List<SimulatedDevice> devices = new ArrayList<>();
        for (String d : deviceNames) {
            devices.add(SimulatedDevice.signIn(server.uri("/"), name, PASSWORD, d));
        }
        return devices;
    }

    private static void advance(Duration d) {
        clock.advance(d);
    }

    /** Plays online from {@code from} to {@code to} seconds in one-minute ticks, the server's clock moving along. */
    private static void listen(SimulatedDevice device, double from, double to) {
        assertThat(device.event(book, "play", from).statusCode()).isEqualTo(200);
        for (double p = from + 60; p <= to; p += 60) {
            advance(Duration.ofMinutes(1));
            device.event(book, "progress", p);
        }
        device.event(book, "pause", to);
    }

    private static double position(SimulatedDevice device) {
        return device.open(book).at("/book/positionSec").asDouble();
    }

    /** Offline events as the device stored them: device clock times {@code startMs} plus a minute per tick. */
    private static List<String> offlineListening(double from, double to, long startMs) {
        List<String> events = new ArrayList<>();
        events.add(event("play", from, startMs));
        long t = startMs;
        for (double p = from + 60; p <= to; p += 60) {
            t += 60_000;
            events.add(event("progress", p, t));
        }
        events.add(event("pause", to, t));
        return events;
    }

    private static String event(String action, double positionSec, long deviceTimeMs) {
        return "{\"bookId\":\"" + book + "\",\"action\":\"" + action + "\",\"positionSec\":" + positionSec + ",\"deviceTimeMs\":" + deviceTimeMs + "}";
    }

    @Test
    void freshInstallSendingZeroDoesNotMoveTheBookAndLearnsWhereItStands() {
        List<SimulatedDevice> d = listener("Desktop", "Fresh phone");
        d.get(0).event(book, "seek", 3 * HOUR);

        HttpResponse<String> r = d.get(1).event(book, "progress", 0);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).get("result").asText()).isEqualTo("device_only");
        assertThat(json(r.body()).at("/book/positionSec").asDouble()).isEqualTo(3 * HOUR);
        assertThat(json(r.body()).at("/book/deviceName").asText()).isEqualTo("Desktop");
        assertThat(position(d.get(0))).isEqualTo(3 * HOUR);
    }

    @Test
    void offlineListeningSyncedLaterReachesEveryDeviceAtOnce() {
        List<SimulatedDevice> d = listener("Desktop", "Phone");
        SimulatedDevice desktop = d.get(0);
        SimulatedDevice phone = d.get(1);
        desktop.event(book, "seek", HOUR);
        desktop.connect();
        phone.open(book);
        phone.event(book, "play", HOUR); // the phone's last online contact
        long phoneClock = clock.millis();
        advance(Duration.ofMinutes(70));

        long sent = System.nanoTime();
        HttpResponse<String> r = phone.batch(offlineListening(HOUR, 2 * HOUR, phoneClock + 60_000), clock.millis());
        JsonNode pushed = desktop.await(m -> m.path("type").asText().equals("position"), Duration.ofSeconds(2));
        long elapsedMs = (System.nanoTime() - sent) / 1_000_000;

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(pushed.at("/book/positionSec").asDouble()).isEqualTo(2 * HOUR);
        assertThat(pushed.at("/book/deviceName").asText()).isEqualTo("Phone");
        assertThat(elapsedMs).as("from sending the batch to the desktop's push").isLessThan(100);
        assertThat(position(desktop)).isEqualTo(2 * HOUR);
        desktop.close();
    }

    @Test
    void offlineListeningBeforeTheDesktopListenedFurtherLeavesTheDesktopsPositionButCounts() {
        List<SimulatedDevice> d = listener("Desktop", "Phone");
        SimulatedDevice desktop = d.get(0);
        SimulatedDevice phone = d.get(1);
        desktop.event(book, "seek", HOUR);
        phone.open(book);
        phone.event(book, "play", HOUR);
        long phoneOffline = clock.millis();
        advance(Duration.ofHours(2));
        listen(desktop, HOUR, 1.5 * HOUR);
        advance(Duration.ofHours(1));

        HttpResponse<String> r = phone.batch(offlineListening(HOUR, 2 * HOUR, phoneOffline + 60_000), clock.millis());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(position(desktop)).isEqualTo(1.5 * HOUR);
        JsonNode sessions = json(phone.get("/api/v1/me/sessions/listening?bookId=" + book).body());
        double phoneSec = 0;
        for (JsonNode s : sessions) {
            phoneSec += s.get("deviceName").asText().equals("Phone") ? s.get("listenedSec").asDouble() : 0;
        }
        assertThat(phoneSec).isEqualTo(HOUR);
        assertThat(json(phone.get("/api/v1/me/stats").body()).get("listenedSec").asDouble()).isEqualTo(1.5 * HOUR);
    }

    @Test
    void skewedDeviceClocksDoNotReorderOnlineOrOfflineEvents() {
        List<SimulatedDevice> d = listener("Fast phone", "Slow desktop");
        SimulatedDevice fast = d.get(0);
        SimulatedDevice slow = d.get(1);
        long skewMs = 10 * 60_000;
        // Online: each event is placed when it arrives, whatever the device's clock says.
        fast.event(book, "play", HOUR, fast.nextSeq(), clock.millis() + skewMs);
        slow.event(book, "play", 2 * HOUR, slow.nextSeq(), clock.millis() - skewMs);
        advance(Duration.ofSeconds(5));
        fast.event(book, "progress", HOUR + 5, fast.nextSeq(), clock.millis() + skewMs);
        advance(Duration.ofSeconds(5));
        slow.open(book);
        slow.event(book, "progress", 2 * HOUR + 5, slow.nextSeq(), clock.millis() - skewMs);
        assertThat(position(fast)).as("the later arrival leads").isEqualTo(2 * HOUR + 5);

        // Offline: the fast phone listened 30 minutes; the desktop listened further 5 minutes after the phone stopped.
        fast.event(book, "pause", HOUR + 5, fast.nextSeq(), clock.millis() + skewMs);
        long phoneStartDevice = clock.millis() + skewMs + 1000;
        advance(Duration.ofMinutes(35));
        listen(slow, 2 * HOUR + 5, 2 * HOUR + 65);
        advance(Duration.ofMinutes(10));
        HttpResponse<String> r = fast.batch(offlineListening(HOUR + 5, HOUR + 5 + 1800, phoneStartDevice), clock.millis() + skewMs);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(position(slow)).as("the phone's offline listening came first").isEqualTo(2 * HOUR + 65);
    }

    @Test
    void twoDevicesPlayingAtOnceTheMostRecentLeadsAndBothAreVisible() {
        List<SimulatedDevice> d = listener("Kitchen", "Car");
        SimulatedDevice a = d.get(0);
        SimulatedDevice b = d.get(1);
        a.connect();
        b.connect();
        a.event(book, "play", HOUR);
        b.event(book, "play", 2 * HOUR);
        for (int i = 1; i <= 3; i++) {
            advance(Duration.ofSeconds(5));
            a.event(book, "progress", HOUR + 5 * i);
            b.await(m -> m.path("type").asText().equals("position"), Duration.ofSeconds(2));
            advance(Duration.ofSeconds(5));
            b.event(book, "progress", 2 * HOUR + 5 * i);
            a.await(m -> m.path("type").asText().equals("position"), Duration.ofSeconds(2));
        }
        JsonNode view = a.open(book);
        assertThat(view.at("/book/positionSec").asDouble()).isEqualTo(2 * HOUR + 15);
        assertThat(view.get("devices")).hasSize(2);
        advance(Duration.ofSeconds(5));
        a.event(book, "progress", HOUR + 20);
        assertThat(position(b)).isEqualTo(HOUR + 20);
        a.close();
        b.close();
    }

    @Test
    void aFinishedBookPlayedAgainKeepsItsFinishedRecord() {
        SimulatedDevice a = listener("Phone").getFirst();
        a.event(book, "finish", 0);
        JsonNode finished = a.open(book).get("book");
        assertThat(finished.get("finished").asBoolean()).isTrue();
        advance(Duration.ofDays(1));

        listen(a, 0, 300);

        JsonNode again = a.open(book).get("book");
        assertThat(again.get("finished").asBoolean()).isFalse();
        assertThat(again.get("positionSec").asDouble()).isEqualTo(300);
        assertThat(again.get("finishedAt").asLong()).isEqualTo(finished.get("finishedAt").asLong());
        assertThat(again.get("finishCount").asInt()).isEqualTo(1);
        assertThat(json(a.get("/api/v1/me/progress?finished=true").body())).hasSize(1);
        assertThat(json(a.get("/api/v1/me/progress").body()).get(0).get("bookId").asText()).isEqualTo(book);
    }

    @Test
    void retriesAndDuplicatedBatchesCountOnce() {
        SimulatedDevice a = listener("Phone").getFirst();
        listen(a, 0, 600);
        advance(Duration.ofMinutes(1));
        long seq = a.nextSeq();
        a.event(book, "play", 600, seq, null);
        advance(Duration.ofMinutes(1));
        long tick = a.nextSeq();
        HttpResponse<String> first = a.event(book, "progress", 660, tick, null);
        HttpResponse<String> retry = a.event(book, "progress", 660, tick, null);
        assertThat(json(first.body()).get("result").asText()).isEqualTo("moved");
        assertThat(json(retry.body()).get("result").asText()).isEqualTo("duplicate");

        long start = clock.millis();
        advance(Duration.ofMinutes(20));
        String batch = "{\"events\":[" + event("play", 660, start).replace("}", ",\"seq\":" + (tick + 1) + "}") + ","
                + event("progress", 1260, start + 600_000).replace("}", ",\"seq\":" + (tick + 2) + "}") + "],\"deviceNowMs\":" + clock.millis() + "}";
        assertThat(a.rawBatch(batch).statusCode()).isEqualTo(200);
        HttpResponse<String> duplicate = a.rawBatch(batch);
        assertThat(json(duplicate.body()).at("/results/0/result").asText()).isEqualTo("duplicate");
        assertThat(json(duplicate.body()).at("/results/1/result").asText()).isEqualTo("duplicate");

        assertThat(json(a.get("/api/v1/me/stats").body()).get("listenedSec").asDouble()).isEqualTo(600 + 60 + 600);
        assertThat(position(a)).isEqualTo(1260);
    }

    @Test
    void aLatePositionZeroAfterAPauseDoesNotResetTheBook() {
        SimulatedDevice a = listener("Phone").getFirst();
        a.event(book, "seek", 3 * HOUR - 120);
        listen(a, 3 * HOUR - 120, 3 * HOUR);
        advance(Duration.ofMinutes(30));

        HttpResponse<String> late = a.event(book, "progress", 0);
        a.event(book, "pause", 0);

        assertThat(json(late.body()).get("result").asText()).isEqualTo("device_only");
        assertThat(position(a)).isEqualTo(3 * HOUR);
    }

    @Test
    void aStaleDeviceIsToldWhoMovedOnAndWhen() {
        List<SimulatedDevice> d = listener("Desktop", "Pixel 8");
        d.get(0).open(book);
        listen(d.get(1), 0, 120);
        d.get(0).event(book, "play", 0);

        HttpResponse<String> r = d.get(0).event(book, "seek", 30);
        // The desktop's version predates the phone's listening only if it did not learn it: it did (play's answer).
        assertThat(r.statusCode()).isEqualTo(200);
        SimulatedDevice stale = SimulatedDevice.signIn(server.uri("/"), json(d.get(1).get("/api/v1/me").body()).get("username").asText(),
                PASSWORD, "Old tablet");
        HttpResponse<String> conflict = stale.event(book, "seek", 10);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict.body()).at("/error/code").asText()).isEqualTo("conflict");
        assertThat(json(conflict.body()).at("/book/positionSec").asDouble()).isEqualTo(30);
        assertThat(json(conflict.body()).at("/book/deviceName").asText()).isEqualTo("Desktop");
        assertThat(json(conflict.body()).at("/book/activityAt").asLong()).isPositive();
    }

    @Test
    void oneDevicePausesAnotherRemotely() {
        List<SimulatedDevice> d = listener("Phone", "Speaker");
        SimulatedDevice phone = d.get(0);
        SimulatedDevice speaker = d.get(1);
        JsonNode speakerHello = speaker.connect();
        phone.connect();
        speaker.event(book, "play", 100);

        phone.sendText("{\"type\":\"control\",\"requestId\":1,\"targetDeviceId\":\"" + speakerHello.get("deviceId").asText()
                + "\",\"command\":\"pause\"}");
        JsonNode control = speaker.await(m -> m.path("type").asText().equals("control"), Duration.ofSeconds(2));
        assertThat(control.get("command").asText()).isEqualTo("pause");
        assertThat(control.get("fromDeviceName").asText()).isEqualTo("Phone");
        speaker.sendText("{\"type\":\"event\",\"requestId\":2,\"bookId\":\"" + book + "\",\"action\":\"pause\",\"positionSec\":101,\"seq\":"
                + speaker.nextSeq() + ",\"baseVersion\":" + speaker.version() + "}");

        JsonNode presence = phone.await(m -> m.path("type").asText().equals("presence") && m.get("state").asText().equals("paused"),
                Duration.ofSeconds(2));
        assertThat(presence.get("deviceName").asText()).isEqualTo("Speaker");
        assertThat(presence.get("positionSec").asDouble()).isEqualTo(101);
        phone.close();
        speaker.close();
    }

    @Test
    void bookmarksSyncAndDeletionsStayAsTombstones() {
        List<SimulatedDevice> d = listener("Phone", "Desktop");
        d.get(1).connect();
        HttpResponse<String> saved = d.get(0).request("PUT", "/api/v1/me/bookmarks/mark-1",
                "{\"bookId\":\"" + book + "\",\"positionSec\":42.5,\"title\":\"Chapter two\",\"note\":\"the storm\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode pushed = d.get(1).await(m -> m.path("type").asText().equals("bookmark"), Duration.ofSeconds(2));
        assertThat(pushed.at("/bookmark/title").asText()).isEqualTo("Chapter two");
        long version = json(saved.body()).get("version").asLong();

        advance(Duration.ofMinutes(1));
        assertThat(d.get(1).request("DELETE", "/api/v1/me/bookmarks/mark-1", null).statusCode()).isEqualTo(204);
        // An offline edit made before the deletion does not bring the bookmark back.
        HttpResponse<String> late = d.get(0).request("PUT", "/api/v1/me/bookmarks/mark-1", "{\"bookId\":\"" + book
                + "\",\"positionSec\":50,\"title\":\"Edited offline\",\"deviceTimeMs\":" + (clock.millis() - 30_000) + "}");
        assertThat(json(late.body()).get("deleted").asBoolean()).isTrue();
        assertThat(json(d.get(0).get("/api/v1/me/bookmarks").body())).isEmpty();
        assertThat(json(d.get(0).get("/api/v1/me/bookmarks?since=" + version).body()).get(0).get("deleted").asBoolean()).isTrue();
        d.get(1).close();
    }

    @Test
    void aReconnectingDeviceReceivesWhatItMissed() {
        List<SimulatedDevice> d = listener("Phone", "Desktop");
        long before = d.get(1).connect().get("version").asLong();
        d.get(1).close();
        d.get(0).event(book, "seek", 500);

        SimulatedDevice again = d.get(1);
        again.connect();
        again.sendText("{\"type\":\"resume\",\"version\":" + before + "}");
        JsonNode catchup = again.await(m -> m.path("type").asText().equals("catchup"), Duration.ofSeconds(2));
        assertThat(catchup.at("/books/0/positionSec").asDouble()).isEqualTo(500);
        assertThat(catchup.get("version").asLong()).isGreaterThan(before);
        again.close();
    }

    @Test
    void badRequestsAnswerPreciselyAndTheSocketSurvivesBadJson() {
        SimulatedDevice a = listener("Phone").getFirst();
        assertThat(a.request("PUT", "/api/v1/me/progress/" + book, "{not json").statusCode()).isEqualTo(400);
        assertThat(a.request("PUT", "/api/v1/me/progress/nope", "{\"action\":\"play\",\"positionSec\":1,\"seq\":1}").statusCode()).isEqualTo(404);
        HttpResponse<String> negative = a.request("PUT", "/api/v1/me/progress/" + book, "{\"action\":\"play\",\"positionSec\":-1,\"seq\":1}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative.body()).at("/error/message").asText()).contains("positionSec");
        assertThat(a.request("PUT", "/api/v1/me/progress/" + book, "{\"action\":\"jump\",\"positionSec\":1,\"seq\":1}").statusCode()).isEqualTo(400);
        HttpResponse<String> beyond = a.event(book, "seek", 99 * HOUR);
        assertThat(json(beyond.body()).at("/book/positionSec").asDouble()).as("clamped to the end").isEqualTo(10 * HOUR);
        StringBuilder big = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1001; i++) {
            big.append(i == 0 ? "" : ",").append(event("progress", i, 0).replace("}", ",\"seq\":" + (i + 100) + "}"));
        }
        assertThat(a.rawBatch(big.append("]}").toString()).statusCode()).isEqualTo(413);

        a.connect();
        a.sendText("{oops");
        JsonNode error = a.await(m -> m.path("type").asText().equals("error"), Duration.ofSeconds(2));
        assertThat(error.at("/error/code").asText()).isEqualTo("invalid_json");
        a.sendText("{\"type\":\"ping\"}");
        assertThat(a.await(m -> m.path("type").asText().equals("pong"), Duration.ofSeconds(2)).get("serverTime").asLong())
                .isEqualTo(clock.millis());
        a.close();
    }

    @Test
    void aSocketWithoutCredentialsIsClosedWithAReasonAndUrlTokensAreIgnored() throws Exception {
        SimulatedDevice a = listener("Phone").getFirst();
        java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/ws?token=" + a.token()),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                                closed.complete("text: " + data);
                                return null;
                            }

                            @Override
                            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket w, int code, String reason) {
                                closed.complete(code + " " + reason);
                                return null;
                            }
                        }).join();
        ws.sendText("{\"type\":\"event\",\"bookId\":\"" + book + "\",\"action\":\"play\",\"positionSec\":1,\"seq\":1}", true).join();
        assertThat(closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("4401 Authenticate first");
    }

    @Test
    void aBookInALibraryTheListenerMayNotReadIsNotThere() {
        server.signInAsAdmin();
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"outsider\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"user\",\"libraries\":[]}")));
        assertThat(r.statusCode()).isEqualTo(201);
        SimulatedDevice outsider = SimulatedDevice.signIn(server.uri("/"), "outsider", PASSWORD, "Phone");

        assertThat(outsider.event(book, "play", 1).statusCode()).isEqualTo(404);
        assertThat(outsider.request("PUT", "/api/v1/me/bookmarks/x", "{\"bookId\":\"" + book + "\",\"positionSec\":1,\"title\":\"t\"}")
                .statusCode()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/me/progress/" + book).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeviceSignedOutElsewhereIsDisconnectedAndItsSiblingsSeeItGo() {
        List<SimulatedDevice> d = listener("Laptop", "Old phone");
        SimulatedDevice laptop = d.get(0);
        SimulatedDevice phone = d.get(1);
        laptop.connect();
        phone.connect();
        String phoneSession = null;
        for (JsonNode session : json(phone.get("/api/v1/me/sessions").body())) {
            if (session.get("current").asBoolean()) {
                phoneSession = session.get("id").asText();
            }
        }
        assertThat(phoneSession).isNotNull();

        assertThat(laptop.request("DELETE", "/api/v1/me/sessions/" + phoneSession, null).statusCode()).isEqualTo(204);

        JsonNode closed = phone.await(m -> m.path("type").asText().equals("closed"), Duration.ofSeconds(10));
        assertThat(closed.get("code").asInt()).isEqualTo(4401);
        assertThat(closed.get("reason").asText()).contains("signed out");
        JsonNode gone = laptop.await(m -> m.path("type").asText().equals("presence") && m.path("state").asText().equals("offline"),
                Duration.ofSeconds(5));
        assertThat(gone.get("deviceName").asText()).isEqualTo("Old phone");
        laptop.close();
    }

    @Test
    void aDeviceWhoseConnectionDropsIsSeenToGo() {
        List<SimulatedDevice> d = listener("Desk", "Car");
        SimulatedDevice desk = d.get(0);
        SimulatedDevice car = d.get(1);
        desk.connect();
        car.connect();
        car.event(book, "play", 10);
        desk.await(m -> m.path("type").asText().equals("presence") && m.path("state").asText().equals("playing"), Duration.ofSeconds(5));

        car.close(); // the connection is cut, with no closing handshake

        JsonNode gone = desk.await(m -> m.path("type").asText().equals("presence") && m.path("state").asText().equals("offline"),
                Duration.ofSeconds(10));
        assertThat(gone.get("deviceName").asText()).isEqualTo("Car");
        desk.close();
    }

    @Test
    void libraryNewsReachesTheListenersWhoMayReadTheLibraryOnly() {
        SimulatedDevice reader = listener("Tablet").getFirst();
        reader.connect();
        server.signInAsAdmin();
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nolibraries\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"user\",\"libraries\":[]}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SimulatedDevice outsider = SimulatedDevice.signIn(server.uri("/"), "nolibraries", PASSWORD, "Phone");
        outsider.connect();

        HttpResponse<String> scan = server.send(HttpRequest.newBuilder(server.uri("/api/v1/libraries/1/scan"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(scan.statusCode()).as(scan.body()).isIn(200, 202);

        JsonNode finished = reader.await(m -> m.path("type").asText().equals("library") && m.path("kind").asText().equals("scanFinished"),
                Duration.ofSeconds(20));
        assertThat(finished.get("libraryId").asLong()).isEqualTo(1);
        outsider.sendText("{\"type\":\"ping\"}");
        JsonNode next = outsider.await(m -> !m.path("type").asText().equals("hello"), Duration.ofSeconds(5));
        assertThat(next.path("type").asText()).as("no library news before the pong").isEqualTo("pong");
        reader.close();
        outsider.close();
    }
}
