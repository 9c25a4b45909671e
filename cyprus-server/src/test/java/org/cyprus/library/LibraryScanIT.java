package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cyprus.testing.LibraryFixture;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated library scanned by a real server, and every resulting book checked field by field over HTTP. */
class LibraryScanIT {
    @TempDir
    static Path work;

    static TestServer server;
    static JsonNode firstReport;

    @BeforeAll
    static void scan() {
        Path library = LibraryFixture.create(work.resolve("library"));
        server = TestServer.startWithLibrary(work.resolve("data"), library);
        firstReport = json(server.get("/api/v1/libraries/1/scan")).get("lastReport");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private static List<String> titles(String query) {
        return items(json(server.get("/api/v1/libraries/1/books?" + query))).stream().map(b -> b.get("title").asText()).toList();
    }

    private static JsonNode book(String title) {
        JsonNode summary = items(json(server.get("/api/v1/libraries/1/books?limit=200"))).stream()
                .filter(b -> b.get("title").asText().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no book " + title));
        return json(server.get("/api/v1/books/" + summary.get("id").asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void findsEveryBookAndNothingElse() {
        assertThat(titles("sort=title")).containsExactly("First Light", "A Loose Tale", "Opf Title", "Second Dark", "Standalone Tale");
        JsonNode library = json(server.get("/api/v1/libraries")).get(0);
        assertThat(library.get("name").asText()).isEqualTo("Audiobooks");
        assertThat(library.get("bookCount").asLong()).isEqualTo(5);
        assertThat(firstReport.get("added").asInt()).isEqualTo(5);
        assertThat(firstReport.get("folders").asInt()).isEqualTo(5);
        assertThat(texts(firstReport.get("warnings"))).anyMatch(w -> w.contains("bad.mp3"));
    }

    @Test
    void multiPartBookInDiscFoldersWithSidecars() {
        JsonNode b = book("First Light");

        assertThat(texts(b.get("authors"))).containsExactly("Ann Author");
        assertThat(texts(b.get("narrators"))).as("reader.txt beats the composer tag").containsExactly("Rita Reader");
        assertThat(b.get("series").get(0).get("name").asText()).isEqualTo("Moon Series");
        assertThat(b.get("series").get(0).get("sequence").asText()).isEqualTo("1");
        assertThat(b.get("description").asText()).isEqualTo("A tale of first light.");
        assertThat(b.get("files").findValuesAsText("name")).containsExactly("Part 1.mp3", "Part 2.mp3", "Part 10.mp3", "Part 1.mp3");
        assertThat(b.get("chapters").findValuesAsText("title")).containsExactly("One", "Two", "Ten", "Eleven");
        JsonNode files = b.get("files");
        double start = 0;
        for (JsonNode f : files) {
            assertThat(f.get("startSeconds").asDouble()).isCloseTo(start, within(0.002));
            assertThat(f.get("mimeType").asText()).isEqualTo("audio/mpeg");
            // two seconds of tone, plus the encoder's priming and padding frames
            assertThat(f.get("durationSeconds").asDouble()).isBetween(2.0, 2.3);
            start += f.get("durationSeconds").asDouble();
        }
        assertThat(b.get("durationSeconds").asDouble()).isCloseTo(start, within(0.004));
        JsonNode chapters = b.get("chapters");
        assertThat(chapters.get(3).get("endSeconds").asDouble()).isCloseTo(b.get("durationSeconds").asDouble(), within(0.002));
        assertThat(b.get("coverUrl").asText()).startsWith("/api/v1/books/" + b.get("id").asText() + "/cover?v=");
        assertThat(b.get("missing").asBoolean()).isFalse();
    }

    @Test
    void m4bWithChaptersCoverAndMetadataJson() {
        JsonNode b = book("Second Dark");

        assertThat(b.get("subtitle").asText()).isEqualTo("A Moon Series Novel");
        assertThat(texts(b.get("authors"))).containsExactly("Ann Author");
        assertThat(texts(b.get("narrators"))).containsExactly("Nils Narrator");
        assertThat(texts(b.get("genres"))).as("metadata.json beats the tag").containsExactly("Sci-Fi");
        assertThat(b.get("year").asInt()).isEqualTo(2004);
        assertThat(b.get("series").get(0).get("sequence").asText()).isEqualTo("2");
        assertThat(b.get("chapters").findValuesAsText("title")).containsExactly("Opening", "Middle", "Ending");
        assertThat(b.get("chapters").get(1).get("startSeconds").asDouble()).isCloseTo(2.0, within(0.05));
        assertThat(b.get("files").get(0).get("mimeType").asText()).isEqualTo("audio/mp4");
        assertThat(b.get("coverUrl").isNull()).isFalse();
    }

    @Test
    void trackTagsOrderFilesAndACorruptFileIsAProblemNotAFailure() {
        JsonNode b = book("Standalone Tale");

        assertThat(b.get("year").asInt()).isEqualTo(1999);
        assertThat(texts(b.get("narrators"))).containsExactly("Nora Narrator");
        assertThat(texts(b.get("authors"))).containsExactly("Béa Writer");
        List<String> names = b.get("files").findValuesAsText("name");
        assertThat(names).containsExactly("c.mp3", "b.mp3", "a.mp3", "bad.mp3");
        JsonNode bad = b.get("files").get(3);
        assertThat(bad.get("problem").get("code").asText()).isEqualTo("unrecognized_format");
        assertThat(bad.get("durationSeconds").asDouble()).isZero();
        assertThat(texts(b.get("warnings"))).anyMatch(w -> w.startsWith("bad.mp3: "));
        assertThat(b.get("durationSeconds").asDouble()).isBetween(6.0, 6.9);
    }

    @Test
    void singleFileAtTheRootAndOpfDescribedBook() {
        JsonNode loose = book("A Loose Tale");
        assertThat(texts(loose.get("authors"))).containsExactly("Cy Poet");
        assertThat(loose.get("chapters").findValuesAsText("title")).containsExactly("A Loose Tale");

        JsonNode opf = book("Opf Title");
        assertThat(texts(opf.get("authors"))).containsExactly("Dee Writer");
        assertThat(texts(opf.get("narrators"))).containsExactly("Olly Reader");
        assertThat(opf.get("series").get(0).get("name").asText()).isEqualTo("Opf Saga");
        assertThat(opf.get("series").get(0).get("sequence").asText()).isEqualTo("3");
        assertThat(opf.get("year").asInt()).isEqualTo(2011);
        assertThat(opf.get("isbn").asText()).isEqualTo("9780000000002");
        assertThat(opf.get("description").asText()).isEqualTo("From the OPF.");
    }

    @Test
    void coversAreResizedJpegsWithEtags() {
        JsonNode b = book("First Light");
        HttpResponse<byte[]> cover = bytes(b.get("coverUrl").asText() + "&size=100");
        assertThat(cover.statusCode()).isEqualTo(200);
        assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(cover.body()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(cover.body()[1] & 0xFF).isEqualTo(0xD8);
        assertThat(cover.headers().firstValue("Cache-Control")).hasValue("private, max-age=31536000, immutable");
        String etag = cover.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).endsWith("-128\"");

        HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri(b.get("coverUrl").asText() + "&size=100"))
                .header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Content-Type")).as("a 304 carries no representation metadata").isEmpty();
        assertThat(again.headers().firstValue("Content-Length")).as("RFC 9110 §8.6: none, or the 200's").isEmpty();
        HttpResponse<String> listed = server.send(HttpRequest.newBuilder(server.uri(b.get("coverUrl").asText() + "&size=100"))
                .header("If-None-Match", "\"other\", W/" + etag));
        assertThat(listed.statusCode()).as("If-None-Match is a list, compared weakly").isEqualTo(304);
        HttpResponse<String> star = server.send(HttpRequest.newBuilder(server.uri(b.get("coverUrl").asText() + "&size=100"))
                .header("If-None-Match", "*"));
        assertThat(star.statusCode()).isEqualTo(304);
        HttpResponse<String> stale = server.send(HttpRequest.newBuilder(server.uri(b.get("coverUrl").asText() + "&size=100"))
                .header("If-None-Match", "\"other\""));
        assertThat(stale.statusCode()).isEqualTo(200);

        HttpResponse<String> none = server.get("/api/v1/books/" + book("Opf Title").get("id").asText() + "/cover");
        assertThat(none.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> bytes(String path) {
        return server.sendBytes(HttpRequest.newBuilder(server.uri(path)));
    }

    @Test
    void searchIsPrefixAccentInsensitiveAndRanked() {
        assertThat(titles("q=moon+ser")).containsExactlyInAnyOrder("First Light", "Second Dark");
        assertThat(titles("q=seco")).containsExactly("Second Dark");
        assertThat(titles("q=bea")).containsExactly("Standalone Tale");
        assertThat(titles("q=" + URLEncoder.encode("BÉA wri", StandardCharsets.UTF_8))).containsExactly("Standalone Tale");
        assertThat(titles("q=nora")).containsExactly("Standalone Tale");
        assertThat(titles("q=light")).first().isEqualTo("First Light");
        assertThat(titles("q=" + URLEncoder.encode("\"*)(OR", StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void facetsCountBooksAndFilterLists() {
        JsonNode authors = json(server.get("/api/v1/authors"));
        JsonNode ann = StreamSupport.stream(authors.spliterator(), false).filter(a -> a.get("name").asText().equals("Ann Author"))
                .findFirst().orElseThrow();
        assertThat(ann.get("bookCount").asLong()).isEqualTo(2);
        assertThat(authors.get(0).get("name").asText()).as("most books first").isEqualTo("Ann Author");
        assertThat(titles("author=" + ann.get("id").asLong() + "&sort=series")).containsExactly("First Light", "Second Dark");

        JsonNode series = json(server.get("/api/v1/series?q=moon"));
        assertThat(series.size()).isEqualTo(1);
        assertThat(titles("series=" + series.get(0).get("id").asLong())).containsExactly("First Light", "Second Dark");
        assertThat(json(server.get("/api/v1/genres")).findValuesAsText("name")).contains("Sci-Fi");
        assertThat(json(server.get("/api/v1/narrators")).findValuesAsText("name")).contains("Rita Reader", "Nora Narrator");
    }

    @Test
    void aRescanOfAnUnchangedLibraryReadsNothing() {
        JsonNode report = server.rescan(1, null);

        assertThat(report.get("unchanged").asInt()).isEqualTo(5);
        assertThat(report.get("added").asInt()).isZero();
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("filesProbed").asInt()).isZero();
    }

    @Test
    void badQueriesAreClear400s() {
        assertThat(server.get("/api/v1/libraries/1/books?sort=popularity").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/libraries/1/books?limit=0").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/libraries/1/books?cursor=garbage").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/libraries/1/books?sort=relevance").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/libraries/99/books").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/books/nonsense").statusCode()).isEqualTo(404);
        assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/libraries/1/scan"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"../../etc\"}"))).statusCode()).isEqualTo(400);
    }
}
