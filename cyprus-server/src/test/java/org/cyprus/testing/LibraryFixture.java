package org.cyprus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small library with the shapes real ones have: a multi-part MP3 book in disc folders with a 1, 2, 10 naming trap
 * and sidecars; an M4B with chapters, a cover and metadata.json; a book ordered by track tags with a corrupt file; a
 * single file at the root; an OPF-described book; an empty folder; and things a scan must ignore.
 */
public final class LibraryFixture {
    public static final String FIRST_LIGHT = "Ann Author/Moon Series/1 - First Light";
    public static final String SECOND_DARK = "Ann Author/Moon Series/2 - Second Dark";
    public static final String STANDALONE = "Béa Writer/Standalone Tale (1999) {Nora Narrator}";
    public static final String OPF_BOOK = "Dee Writer/Opf Book";

    private LibraryFixture() {
    }

    public static Path create(Path root) {
        try {
            Path first = root.resolve(FIRST_LIGHT);
            Map<String, String> firstTags = Map.of("album", "First Light", "artist", "Ann Author", "composer", "Vera Voice");
            AudioFixtures.mp3(first.resolve("CD1/Part 1.mp3"), 2, with(firstTags, "title", "One"));
            AudioFixtures.mp3(first.resolve("CD1/Part 2.mp3"), 2, with(firstTags, "title", "Two"));
            AudioFixtures.mp3(first.resolve("CD1/Part 10.mp3"), 2, with(firstTags, "title", "Ten"));
            AudioFixtures.mp3(first.resolve("CD2/Part 1.mp3"), 2, with(firstTags, "title", "Eleven"));
            AudioFixtures.jpeg(first.resolve("cover.jpg"), "red");
            Files.writeString(first.resolve("desc.txt"), "A tale of first light.\n");
            Files.writeString(first.resolve("reader.txt"), "Rita Reader\n");

            Path second = root.resolve(SECOND_DARK);
            Path cover = AudioFixtures.jpeg(root.resolve("../second-cover.jpg").normalize(), "blue");
            AudioFixtures.m4b(second.resolve("Second Dark.m4b"), 6,
                    Map.of("title", "Second Dark", "artist", "Ann Author", "composer", "Nils Narrator", "genre", "Science Fiction",
                            "date", "2004"),
                    List.of(new AudioFixtures.ChapterSpec("Opening", 0, 2), new AudioFixtures.ChapterSpec("Middle", 2, 4),
                            new AudioFixtures.ChapterSpec("Ending", 4, 6)), cover);
            Files.writeString(second.resolve("metadata.json"), """
                    {"subtitle": "A Moon Series Novel", "series": [{"name": "Moon Series", "sequence": "2"}], "genres": ["Sci-Fi"]}
                    """);

            Path standalone = root.resolve(STANDALONE);
            Map<String, String> tale = Map.of("album", "Standalone Tale", "artist", "Béa Writer");
            AudioFixtures.mp3(standalone.resolve("c.mp3"), 2, with(tale, "track", "1/3"));
            AudioFixtures.mp3(standalone.resolve("b.mp3"), 2, with(tale, "track", "2/3"));
            AudioFixtures.mp3(standalone.resolve("a.mp3"), 2, with(tale, "track", "3/3"));
            Files.writeString(standalone.resolve("bad.mp3"), "This is not audio at all, just text with an .mp3 name.\n");

            AudioFixtures.mp3(root.resolve("Loose Tale.mp3"), 3, Map.of("title", "A Loose Tale", "artist", "Cy Poet"));

            Path opf = root.resolve(OPF_BOOK);
            AudioFixtures.m4b(opf.resolve("book.m4b"), 2, Map.of("title", "Tagged Title"), List.of(), null);
            Files.writeString(opf.resolve("metadata.opf"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <package xmlns="http://www.idpf.org/2007/opf" version="2.0">
                      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                        <dc:title>Opf Title</dc:title>
                        <dc:creator opf:role="aut">Dee Writer</dc:creator>
                        <dc:creator opf:role="nrt">Olly Reader</dc:creator>
                        <dc:date>2011-05-01</dc:date>
                        <dc:description>&lt;p&gt;From the OPF.&lt;/p&gt;</dc:description>
                        <dc:identifier opf:scheme="ISBN">9780000000002</dc:identifier>
                        <meta name="calibre:series" content="Opf Saga"/>
                        <meta name="calibre:series_index" content="3.0"/>
                      </metadata>
                    </package>
                    """);

            Files.createDirectories(root.resolve("Empty Shelf"));
            Files.writeString(root.resolve("Empty Shelf/notes.txt"), "nothing to hear");
            AudioFixtures.mp3(root.resolve(".hidden/secret.mp3"), 1, Map.of("title", "Hidden"));
            Files.createDirectories(root.resolve("Ignored Folder"));
            Files.writeString(root.resolve("Ignored Folder/.ignore"), "");
            AudioFixtures.mp3(root.resolve("Ignored Folder/x.mp3"), 1, Map.of("title", "Ignored"));
            Files.createDirectories(root.resolve("Downloads"));
            Files.writeString(root.resolve("Downloads/y.mp3.part"), "half a download");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var map = new java.util.HashMap<>(base);
        map.put(key, value);
        return Map.copyOf(map);
    }

}
