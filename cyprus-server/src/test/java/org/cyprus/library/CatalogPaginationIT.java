package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cyprus.store.JdbcScanStore;
import org.cyprus.testing.SyntheticBooks;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Keyset pagination returns every book exactly once, in order, even while books are added during the walk. */
class CatalogPaginationIT {
    @TempDir
    static Path work;

    static TestServer server;
    static SyntheticBooks books;
    static long libraryId;
    static final AtomicInteger folder = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.config(work.resolve("data"))).signInAsAdmin();
        Library library = server.application().services().libraries().create("Synthetic", List.of(Files.createDirectories(work.resolve("empty"))));
        libraryId = library.id();
        books = new SyntheticBooks(new JdbcScanStore(server.application().services().database()), libraryId,
                library.roots().getFirst().id(), 42);
        for (int i = 0; i < 300; i++) {
            books.add("book-" + folder.incrementAndGet(), 1_700_000_000_000L + i * 1000L);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sort=title", "sort=title&order=desc", "sort=author", "sort=added", "sort=duration",
            "sort=series", "q=silver", "q=a&sort=title"})
    void everyBookPresentForTheWholeWalkComesExactlyOnce(String query) {
        List<String> before = walk(query, 200, false);
        Set<String> original = new HashSet<>(before);
        assertThat(original).hasSameSizeAs(before);

        List<String> during = walk(query, 7, true);

        assertThat(new HashSet<>(during)).as("no duplicates").hasSameSizeAs(during);
        assertThat(during).as("every original book, once").containsAll(original);
    }

    /** Pages through the list; with {@code addWhileWalking}, two books are added after each page. */
    private List<String> walk(String query, int limit, boolean addWhileWalking) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/api/v1/libraries/" + libraryId + "/books?" + query + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            var response = server.get(url);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            page.get("items").forEach(b -> ids.add(b.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            if (addWhileWalking) {
                books.add("book-" + folder.incrementAndGet(), System.currentTimeMillis());
                books.add("book-" + folder.incrementAndGet(), 1_600_000_000_000L + folder.get());
            }
        } while (cursor != null);
        return ids;
    }
}
