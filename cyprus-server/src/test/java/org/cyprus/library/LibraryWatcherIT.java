package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With watching on, books appear, change and go missing as their folders do, without anyone asking for a scan. */
class LibraryWatcherIT {
    @TempDir
    Path work;

    private static JsonNode waitFor(TestServer server, String path, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json(server.get(path));
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not reached within 30 s; last answer: " + last);
    }

    @Test
    void booksFollowTheirFolders() throws IOException, InterruptedException {
        Path library = Files.createDirectories(work.resolve("library"));
        AudioFixtures.mp3(library.resolve("Wren Writer/Early Book/01.mp3"), 1, Map.of("album", "Early Book"));
        try (TestServer server = TestServer.startWithLibrary(work.resolve("data"), library, true)) {
            Path staging = work.resolve("staging/Late Book");
            AudioFixtures.mp3(staging.resolve("01.mp3"), 1, Map.of("album", "Late Book"));
            Files.move(staging, library.resolve("Wren Writer/Late Book"));

            JsonNode page = waitFor(server, "/api/v1/libraries/1/books", p -> p.get("items").size() == 2);
            assertThat(page.get("items").findValuesAsText("title")).containsExactly("Early Book", "Late Book");

            String lateId = page.get("items").get(1).get("id").asText();
            AudioFixtures.mp3(library.resolve("Wren Writer/Late Book/02.mp3"), 1, Map.of("album", "Late Book"));
            waitFor(server, "/api/v1/books/" + lateId, b -> b.get("files").size() == 2);

            Files.move(library.resolve("Wren Writer/Late Book"), work.resolve("gone"));
            waitFor(server, "/api/v1/books/" + lateId, b -> b.get("missing").asBoolean());
        }
    }
}
