import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streaming benchmarks against a running server (see bench/streaming.sh).
 *
 * <pre>
 * java StreamBench.java ttfb BASE TOKEN BOOK                     the first stream request and the media playlist
 * java StreamBench.java listeners BASE TOKEN BOOK N SECONDS KBPS PID   N paced listeners; the server's RSS over time
 * </pre>
 */
public class StreamBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ttfb" -> ttfb(URI.create(args[1]), args[2], args[3]);
            case "listeners" -> listeners(URI.create(args[1]), args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Long.parseLong(args[7]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static HttpRequest.Builder get(URI base, String token, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
    }

    /** Milliseconds from sending the request to holding the first byte of the body. */
    private static double firstByteMs(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200 || body.read() < 0) {
                throw new IOException("status " + response.statusCode() + " for " + request.uri());
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    static void ttfb(URI base, String token, String book) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String detail = client.send(get(base, token, "/api/v1/books/" + book).build(), HttpResponse.BodyHandlers.ofString()).body();
        double durationSeconds = Double.parseDouble(detail.replaceAll(".*\"durationSeconds\":([0-9.]+).*", "$1"));

        double cold = firstByteMs(client, get(base, token, "/api/v1/books/" + book + "/stream?start=" + (durationSeconds * 0.9)).build());
        String master = client.send(get(base, token, "/api/v1/books/" + book + "/hls/master.m3u8").build(), HttpResponse.BodyHandlers.ofString()).body();
        String mediaPath = master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        URI media = base.resolve("/api/v1/books/" + book + "/hls/").resolve(mediaPath);
        long playlistStart = System.nanoTime();
        String playlist = client.send(HttpRequest.newBuilder(media).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double playlistMs = (System.nanoTime() - playlistStart) / 1e6;
        List<String> segments = playlist.lines().filter(l -> l.startsWith("seg-")).toList();
        System.out.printf("book: %.1f h; first stream request (frame table from disk or file): %.1f ms; media playlist of %d segments (%d KB): %.1f ms%n",
                durationSeconds / 3600, cold, segments.size(), playlist.length() / 1024, playlistMs);

    }

    static void listeners(URI base, String token, String book, int count, int seconds, int kbps, long serverPid) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String detail = client.send(get(base, token, "/api/v1/books/" + book).build(), HttpResponse.BodyHandlers.ofString()).body();
        double durationSeconds = Double.parseDouble(detail.replaceAll(".*\"durationSeconds\":([0-9.]+).*", "$1"));
        long bytesPerSecond = kbps * 1000L / 8;
        AtomicLong started = new AtomicLong();
        List<long[]> rss = new ArrayList<>();
        Random random = new Random(11);
        long begin = System.nanoTime();
        try (ExecutorService listeners = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                double start = random.nextDouble() * Math.max(1, durationSeconds - seconds - 10);
                results.add(listeners.submit(() -> listen(client, get(base, token, "/api/v1/books/" + book + "/stream?start="
                        + String.format("%.2f", start)).build(), seconds, bytesPerSecond, started)));
            }
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    rss.add(new long[] {(System.nanoTime() - begin) / 1_000_000_000L, rssKb(serverPid)});
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            int below = 0;
            int failed = 0;
            double worstRatio = Double.MAX_VALUE;
            double worstLagSeconds = 0;
            for (Future<double[]> f : results) {
                try {
                    double[] r = f.get();
                    worstRatio = Math.min(worstRatio, r[0]);
                    worstLagSeconds = Math.max(worstLagSeconds, r[1]);
                    if (r[0] < 1.0) {
                        below++;
                    }
                } catch (Exception e) {
                    failed++;
                    if (failed <= 3) {
                        System.out.println("listener failed: " + e.getCause());
                    }
                }
            }
            sampler.interrupt();
            System.out.printf("%d listeners × %d s at %d kbit/s: %d below real time, %d failed; slowest listener received %.3f× real time;"
                    + " worst lag behind its schedule %.2f s%n", count, seconds, kbps, below, failed, worstRatio, worstLagSeconds);
        }
        StringBuilder line = new StringBuilder("server RSS (MB) by second:");
        for (long[] sample : rss) {
            if (sample[0] % 5 == 0 || sample == rss.getLast()) {
                line.append(' ').append(sample[0]).append("s=").append(sample[1] / 1024);
            }
        }
        System.out.println(line);
    }

    /**
     * One listener: reads the stream at {@code bytesPerSecond} (a player's buffer of 10 s allowed ahead) for
     * {@code seconds}; returns {received / due at real time, worst lag behind the schedule in seconds}.
     */
    private static double[] listen(HttpClient client, HttpRequest request, int seconds, long bytesPerSecond, AtomicLong started)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        started.incrementAndGet();
        byte[] buffer = new byte[8192];
        long begin = System.nanoTime();
        long received = 0;
        double worstLag = 0;
        try (InputStream body = response.body()) {
            while (true) {
                double elapsed = (System.nanoTime() - begin) / 1e9;
                if (elapsed >= seconds) {
                    break;
                }
                long allowed = (long) ((elapsed + 10) * bytesPerSecond);
                if (received >= allowed) {
                    Thread.sleep(50);
                    continue;
                }
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, allowed - received));
                if (n < 0) {
                    break;
                }
                received += n;
                double due = (System.nanoTime() - begin) / 1e9 * bytesPerSecond;
                worstLag = Math.max(worstLag, (due - received) / bytesPerSecond);
            }
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        return new double[] {received / (elapsed * bytesPerSecond), worstLag};
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
