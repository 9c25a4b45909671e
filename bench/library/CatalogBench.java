import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.app.Application;
import java.util.Map;
import org.cyprus.config.ConfigLoader;
import org.cyprus.config.ServerConfig;
import org.cyprus.config.Setting;
import org.cyprus.library.Library;
import org.cyprus.store.JdbcScanStore;
import org.cyprus.system.Version;
import org.cyprus.testing.SyntheticBooks;

/**
 * Catalog query latency over HTTP on a synthetic library of BOOKS books (created once in DATA_DIR): the first page of
 * every sort, pages deep in the list by cursor, and search as you type.
 *
 * Usage: java CatalogBench.java DATA_DIR BOOKS
 */
public final class CatalogBench {
    private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static String bearer;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int books = Integer.parseInt(args[1]);
        boolean fresh = !Files.exists(data.resolve("cyprus.db"));
        ServerConfig config = new ConfigLoader(Map.of(), Optional.empty()).load(Optional.empty(), Map.of(Setting.PORT, "0",
                Setting.DATA_DIR, data.toString(), Setting.WATCH, "false", Setting.RESCAN_INTERVAL_MINUTES, "0",
                Setting.LOG_LEVEL, "warn", Setting.ACCESS_LOG, "false"));
        try (Application app = Application.start(config, Version.current())) {
            if (fresh) {
                long start = System.nanoTime();
                Library library = app.services().libraries().create("Bench", List.of(Files.createDirectories(data.resolve("empty"))));
                SyntheticBooks generator = new SyntheticBooks(new JdbcScanStore(app.services().database()), library.id(),
                        library.roots().getFirst().id(), 7);
                for (int i = 0; i < books; i++) {
                    generator.add("book-" + i, 1_600_000_000_000L + i * 60_000L);
                }
                System.out.printf("created %d synthetic books in %.0f s%n", books, (System.nanoTime() - start) / 1e9);
            }
            if (app.services().accounts().setupRequired()) {
                app.services().accounts().setUp("bench", "sturdy catalog pass 1");
            }
            String login = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\",\"password\":\"sturdy catalog pass 1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(login);
            if (!token.find()) {
                throw new IllegalStateException("cannot sign in: " + login);
            }
            bearer = "Bearer " + token.group(1);
            String base = "http://127.0.0.1:" + app.port() + "/api/v1/libraries/1/books";
            List<String> first = new ArrayList<>();
            for (String sort : List.of("title", "author", "added", "duration", "series")) {
                first.add(base + "?limit=50&sort=" + sort);
            }
            report("first page (5 sorts, limit 50)", time(first, 200));

            List<String> deep = new ArrayList<>();
            String cursor = null;
            int page = 0;
            do {
                String body = get(base + "?limit=200&sort=title" + (cursor == null ? "" : "&cursor=" + cursor));
                Matcher m = NEXT.matcher(body);
                cursor = m.find() ? URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) : null;
                if (cursor != null && ++page >= books / 400) {
                    deep.add(base + "?limit=50&sort=title&cursor=" + cursor);
                }
            } while (cursor != null);
            report("deep pages (by cursor, past the middle, limit 50)", time(deep, 2));

            List<String> typing = new ArrayList<>();
            for (String phrase : List.of("silver river", "ember lantern", "kowalski", "north storm", "jasper", "amber saga")) {
                for (int i = 1; i <= phrase.length(); i++) {
                    typing.add(base + "?limit=20&q=" + URLEncoder.encode(phrase.substring(0, i), StandardCharsets.UTF_8));
                }
            }
            report("search as you type (every prefix of 6 phrases, limit 20)", time(typing, 10));
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static double[] time(List<String> urls, int rounds) throws Exception {
        for (String u : urls) {
            get(u);
        }
        double[] ms = new double[urls.size() * rounds];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (String u : urls) {
                long start = System.nanoTime();
                get(u);
                ms[k++] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] ms) {
        System.out.printf("%s: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, ms.length, ms[ms.length / 2],
                ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)], ms[ms.length - 1]);
    }
}
