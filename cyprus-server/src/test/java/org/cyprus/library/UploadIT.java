package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.Multipart;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploading books: filed atomically into Author/Title and scanned, or refused whole with a reason per file. */
class UploadIT {
    @TempDir
    static Path work;

    static Path library;
    static TestServer server;
    static byte[] partOne;
    static byte[] partTwo;
    static byte[] cover;

    @BeforeAll
    static void start() throws IOException {
        library = Files.createDirectories(work.resolve("library"));
        AudioFixtures.mp3(library.resolve("Existing/Book/01.mp3"), 1, Map.of("album", "Existing Book"));
        server = TestServer.startWithLibrary(work.resolve("data"), library);
        Path made = work.resolve("made");
        partOne = Files.readAllBytes(AudioFixtures.mp3(made.resolve("1.mp3"), 2, Map.of("album", "Tagged Upload", "artist", "Tag Author", "track", "1")));
        partTwo = Files.readAllBytes(AudioFixtures.mp3(made.resolve("2.mp3"), 2, Map.of("album", "Tagged Upload", "artist", "Tag Author", "track", "2")));
        cover = Files.readAllBytes(AudioFixtures.jpeg(made.resolve("c.jpg"), "green"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> upload(Multipart form) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/libraries/1/uploads"))
                .header("Content-Type", form.contentType()).POST(form.publisher()));
    }

    private static List<Path> everything() throws IOException {
        try (Stream<Path> all = Files.walk(library)) {
            return all.sorted().toList();
        }
    }

    @Test
    void aBookIsFiledUnderAuthorAndTitleAndScanned() throws IOException {
        HttpResponse<String> response = upload(new Multipart().field("author", "Una Uploader").field("title", "First Upload")
                .file("files", "01.mp3", partOne).file("files", "02.mp3", partTwo).file("files", "cover.jpg", cover));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("folder").asText()).isEqualTo("Una Uploader/First Upload");
        assertThat(body.get("files").findValuesAsText("kind")).containsExactly("audio", "audio", "image");
        assertThat(Files.isRegularFile(library.resolve("Una Uploader/First Upload/02.mp3"))).isTrue();
        JsonNode book = json(server.get("/api/v1/books/" + body.get("bookId").asText()));
        assertThat(book.get("title").asText()).isEqualTo("Tagged Upload");
        assertThat(book.get("files")).hasSize(2);
        assertThat(book.get("coverUrl").isNull()).isFalse();
        try (Stream<Path> hidden = Files.list(library)) {
            assertThat(hidden.filter(p -> p.getFileName().toString().startsWith(".")).toList()).as("no staging left").isEmpty();
        }
    }

    @Test
    void aFolderUploadTakesItsPlaceFromTheTags() {
        HttpResponse<String> response = upload(new Multipart()
                .field("path", "Tagged Upload/CD1/01.mp3").file("files", "01.mp3", partOne)
                .field("path", "Tagged Upload/CD2/01.mp3").file("files", "01.mp3", partTwo));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("folder").asText()).isEqualTo("Tag Author/Tagged Upload");
        assertThat(Files.isRegularFile(library.resolve("Tag Author/Tagged Upload/CD2/01.mp3"))).isTrue();
    }

    @Test
    void aFileThatIsNotAudioRefusesTheWholeUploadAndLeavesNothing() throws IOException {
        List<Path> before = everything();

        HttpResponse<String> response = upload(new Multipart().field("author", "Ned Nothing").field("title", "Refused")
                .file("files", "01.mp3", partOne).file("files", "02.mp3", "just text, not audio".getBytes())
                .file("files", "notes.exe", new byte[] {'M', 'Z', 0, 0}));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.get("error").get("code").asText()).isEqualTo("unprocessable");
        JsonNode files = body.get("files");
        assertThat(files.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(files.get(1).get("accepted").asBoolean()).isFalse();
        assertThat(files.get(1).get("reason").asText()).contains("not audio");
        assertThat(files.get(2).get("accepted").asBoolean()).isFalse();
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void hostileNamesAreRefused() throws IOException {
        List<Path> before = everything();
        for (String name : List.of("../escape.mp3", "a/../../escape.mp3", "/etc/passwd", ".hidden.mp3", "a\\b.mp3")) {
            HttpResponse<String> response = upload(new Multipart().field("author", "X").field("title", "Y")
                    .field("path", name).file("files", "x.mp3", partOne));
            assertThat(response.statusCode()).as(name).isEqualTo(422);
            assertThat(json(response).get("files").get(0).get("reason").asText()).as(name).isNotBlank();
        }
        HttpResponse<String> badFolder = upload(new Multipart().field("folder", "../../outside").file("files", "x.mp3", partOne));
        assertThat(badFolder.statusCode()).isEqualTo(400);
        assertThat(everything()).isEqualTo(before);
        assertThat(Files.exists(work.resolve("escape.mp3"))).isFalse();
        assertThat(Files.exists(work.resolve("outside"))).isFalse();
    }

    @Test
    void anExistingFolderIsAConflict() {
        HttpResponse<String> response = upload(new Multipart().field("folder", "Existing/Book").file("files", "x.mp3", partOne));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").get("message").asText()).contains("exists already");
    }

    @Test
    void onlyMultipartIsAccepted() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/libraries/1/uploads"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(415);
    }
}
