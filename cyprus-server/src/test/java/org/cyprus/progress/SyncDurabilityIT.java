package org.cyprus.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.SimulatedDevice.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.testing.CyprusProcess;
import org.cyprus.testing.RepositoryRoot;
import org.cyprus.testing.SimulatedDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means on disk: devices send events as fast as they can while the server process is killed with
 * SIGKILL at random moments, round after round; after each restart every acknowledged event is there (a resend is
 * recognised as a replay), and each device's record agrees with its sequence number (nothing half-applied).
 */
class SyncDurabilityIT {
    private static final Pattern READY = Pattern.compile("ready at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final String PASSWORD = "durable listening passphrase";
    private static final int ROUNDS = 6;
    private static final double STEP_SEC = 0.01;

    @TempDir
    Path work;

    /** One device's acknowledged progress: the highest sequence number the server answered. */
    private record Device(String name, SimulatedDevice client, java.util.concurrent.atomic.AtomicLong acked) {
    }

    private CyprusProcess start() {
        return CyprusProcess.start(work, "serve", "--port", "0", "--data-dir", work.resolve("data").toString(),
                "--library", RepositoryRoot.sampleLibrary().toString(), "--watch", "false", "--rescan-interval-minutes", "0",
                "--access-log", "false");
    }

    private static URI base(CyprusProcess process) throws InterruptedException {
        Matcher m = READY.matcher(process.awaitLine(READY.asPredicate(), Duration.ofSeconds(30)));
        assertThat(m.find()).isTrue();
        return URI.create("http://127.0.0.1:" + m.group(1) + "/");
    }

    @Test
    void everyAcknowledgedUpdateSurvivesSigkill() throws Exception {
        Random random = new Random(7);
        CyprusProcess process = start();
        URI base = base(process);
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(base.resolve("/api/v1/setup")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"listener\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<Device> devices = new ArrayList<>();
        for (String name : List.of("Phone", "Desktop", "Tablet")) {
            devices.add(new Device(name, SimulatedDevice.signIn(base, "listener", PASSWORD, name), new java.util.concurrent.atomic.AtomicLong()));
        }
        String book = awaitBook(devices.getFirst().client());
        int acknowledged = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
                List<Thread> drivers = new ArrayList<>();
                for (Device d : devices) {
                    drivers.add(Thread.ofPlatform().start(() -> drive(d, book, stop, counts)));
                }
                Thread.sleep(300 + random.nextInt(1200));
                process.close(); // SIGKILL
                process.waitFor(Duration.ofSeconds(10));
                stop.set(true);
                for (Thread t : drivers) {
                    t.join();
                }
                acknowledged += counts.values().stream().mapToInt(Integer::intValue).sum();

                process = start();
                base = base(process);
                for (Device d : devices) {
                    d.client().rebase(base);
                    check(d, book);
                }
            }
        } finally {
            process.close();
        }
        assertThat(acknowledged).as("updates acknowledged over all rounds").isGreaterThan(ROUNDS * 10);
    }

    /** Sends seeks to seq × 10 ms (each position names its event) until the server stops answering. */
    private static void drive(Device d, String book, AtomicBoolean stop, ConcurrentHashMap<String, Integer> counts) {
        while (!stop.get()) {
            long seq = d.client().nextSeq();
            HttpResponse<String> r;
            try {
                r = d.client().event(book, "seek", seq * STEP_SEC, seq, null);
            } catch (RuntimeException e) {
                return; // the server is gone: this event is not acknowledged
            }
            if (r.statusCode() == 200 || r.statusCode() == 409) {
                d.acked().accumulateAndGet(seq, Math::max);
                counts.merge(d.name(), 1, Integer::sum);
            } else {
                throw new AssertionError(d.name() + " got " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private static void check(Device d, String book) {
        long acked = d.acked().get();
        if (acked == 0) {
            return;
        }
        JsonNode view = json(d.client().get("/api/v1/me/progress/" + book).body());
        JsonNode mine = null;
        for (JsonNode dev : view.get("devices")) {
            if (dev.get("deviceName").asText().equals(d.name())) {
                mine = dev;
            }
        }
        assertThat(mine).as("%s's record after a restart", d.name()).isNotNull();
        long recordSeq = Math.round(mine.get("positionSec").asDouble() / STEP_SEC);
        assertThat(recordSeq).as("%s's record holds its last acknowledged event or a later one", d.name()).isGreaterThanOrEqualTo(acked);
        HttpResponse<String> replay = d.client().event(book, "seek", recordSeq * STEP_SEC, recordSeq, null);
        assertThat(json(replay.body()).get("result").asText()).as("%s's event %d is on disk", d.name(), recordSeq).isEqualTo("duplicate");
        HttpResponse<String> next = d.client().event(book, "seek", (recordSeq + 1) * STEP_SEC, recordSeq + 1, null);
        assertThat(json(next.body()).get("result").asText()).as("%s: no event beyond its record was half-applied", d.name())
                .isNotEqualTo("duplicate");
        while (d.client().nextSeq() <= recordSeq + 1) {
            // the device's counter moves past the probe
        }
        d.acked().set(recordSeq + 1);
    }

    private static String awaitBook(SimulatedDevice device) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode items = json(device.get("/api/v1/libraries/1/books").body()).path("items");
            if (items.size() > 0) {
                return items.get(0).get("id").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no book scanned");
    }
}
