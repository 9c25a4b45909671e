package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.cyprus.testing.AudioFixtures;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book keeps its id — and with it everyone's listening progress — through what happens to real folders: renames,
 * moves, files copied back with new inodes, tag edits, deletion and restoration.
 */
class BookIdentityIT {
    @TempDir
    Path work;

    Path library;
    TestServer server;

    @BeforeEach
    void start() {
        library = work.resolve("library");
        AudioFixtures.mp3(library.resolve("Kim Keeper/Kept Book/01.mp3"), 2, Map.of("album", "Kept Book", "artist", "Kim Keeper", "title", "First"));
        AudioFixtures.mp3(library.resolve("Kim Keeper/Kept Book/02.mp3"), 2, Map.of("album", "Kept Book", "artist", "Kim Keeper", "title", "Second"));
        AudioFixtures.mp3(library.resolve("Kim Keeper/Other Book/01.mp3"), 2, Map.of("album", "Other Book", "artist", "Kim Keeper"));
        server = TestServer.startWithLibrary(work.resolve("data"), library);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<JsonNode> books() {
        return StreamSupport.stream(json(server.get("/api/v1/libraries/1/books?limit=200")).get("items").spliterator(), false).toList();
    }

    private String idOf(String title) {
        return books().stream().filter(b -> b.get("title").asText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no book " + title + " in " + books())).get("id").asText();
    }

    private JsonNode book(String id) {
        return json(server.get("/api/v1/books/" + id));
    }

    @Test
    void renamingTheFolderKeepsTheId() throws IOException {
        String id = idOf("Kept Book");
        Files.move(library.resolve("Kim Keeper/Kept Book"), library.resolve("Kim Keeper/Kept Book (Renamed)"));

        JsonNode report = server.rescan(1, null);

        assertThat(report.get("added").asInt()).isZero();
        assertThat(report.get("missing").asInt()).isZero();
        assertThat(idOf("Kept Book")).isEqualTo(id);
        assertThat(books()).hasSize(2);
    }

    @Test
    void movingTheBookToAnotherAuthorFolderKeepsTheId() throws IOException {
        String id = idOf("Kept Book");
        Files.createDirectories(library.resolve("Someone Else"));
        Files.move(library.resolve("Kim Keeper/Kept Book"), library.resolve("Someone Else/Kept Book"));

        server.rescan(1, null);

        assertThat(idOf("Kept Book")).isEqualTo(id);
    }

    @Test
    void filesCopiedBackWithNewInodesKeepTheId() throws IOException {
        String id = idOf("Kept Book");
        String fileId = book(id).get("files").get(0).get("id").asText();
        try (Stream<Path> files = Files.list(library.resolve("Kim Keeper/Kept Book"))) {
            for (Path f : files.toList()) {
                Path copy = f.resolveSibling(f.getFileName() + ".copy");
                Files.copy(f, copy);
                Files.move(copy, f, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            }
        }

        JsonNode report = server.rescan(1, null);

        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(idOf("Kept Book")).isEqualTo(id);
        assertThat(book(id).get("files").get(0).get("id").asText()).isEqualTo(fileId);
    }

    @Test
    void editingATagKeepsTheIdAndUpdatesTheBook() {
        String id = idOf("Kept Book");
        AudioFixtures.retag(library.resolve("Kim Keeper/Kept Book/01.mp3"),
                Map.of("album", "Kept Book: Revised", "artist", "Kim Keeper", "title", "First, revised"));
        AudioFixtures.retag(library.resolve("Kim Keeper/Kept Book/02.mp3"),
                Map.of("album", "Kept Book: Revised", "artist", "Kim Keeper", "title", "Second"));

        server.rescan(1, "Kim Keeper/Kept Book");

        assertThat(idOf("Kept Book: Revised")).isEqualTo(id);
        assertThat(book(id).get("chapters").get(0).get("title").asText()).isEqualTo("First, revised");
    }

    @Test
    void renamedAndRetaggedAtOnceStillKeepsTheId() throws IOException {
        String id = idOf("Kept Book");
        AudioFixtures.retag(library.resolve("Kim Keeper/Kept Book/01.mp3"), Map.of("album", "Renamed Twice", "title", "First"));
        AudioFixtures.retag(library.resolve("Kim Keeper/Kept Book/02.mp3"), Map.of("album", "Renamed Twice", "title", "Second"));
        Files.move(library.resolve("Kim Keeper/Kept Book"), library.resolve("Kim Keeper/Renamed Twice"));

        server.rescan(1, null);

        assertThat(idOf("Renamed Twice")).isEqualTo(id);
    }

    @Test
    void aDeletedBookIsMarkedMissingAndComesBackWithItsId() throws IOException {
        String id = idOf("Kept Book");
        Path away = work.resolve("away");
        Files.move(library.resolve("Kim Keeper/Kept Book"), away);

        JsonNode gone = server.rescan(1, null);

        assertThat(gone.get("missing").asInt()).isEqualTo(1);
        assertThat(book(id).get("missing").asBoolean()).isTrue();
        assertThat(book(id).get("title").asText()).isEqualTo("Kept Book");
        assertThat(json(server.get("/api/v1/libraries/1")).get("bookCount").asLong()).isEqualTo(1);

        Files.move(away, library.resolve("Kim Keeper/Back Again"));
        server.rescan(1, null);

        assertThat(book(id).get("missing").asBoolean()).isFalse();
        assertThat(idOf("Kept Book")).isEqualTo(id);
        assertThat(books()).hasSize(2);
    }

    @Test
    void aCopyIsANewBookAndTheOriginalKeepsItsId() throws IOException {
        String id = idOf("Kept Book");
        Path source = library.resolve("Kim Keeper/Kept Book");
        Path copy = Files.createDirectories(library.resolve("Kim Keeper/Kept Book Copy"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }

        server.rescan(1, null);

        List<String> ids = books().stream().filter(b -> b.get("title").asText().equals("Kept Book")).map(b -> b.get("id").asText()).toList();
        assertThat(ids).hasSize(2).contains(id);
    }
}
