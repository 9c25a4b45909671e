package org.cyprus.library.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.SeriesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarsTest {
    @TempDir
    Path folder;

    @Test
    void layersComeInPrecedenceOrderAndTheCoverIsFound() throws IOException {
        Files.writeString(folder.resolve("desc.txt"), "From desc.");
        Files.writeString(folder.resolve("reader.txt"), "Ann One\nBen Two\n");
        Files.writeString(folder.resolve("book.opf"), """
                <package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>Opf</dc:title><dc:description>From OPF</dc:description></metadata></package>""");
        Files.writeString(folder.resolve("metadata.json"), "{\"title\": \"Json\", \"series\": [\"Saga #2.5\"]}");
        Files.writeString(folder.resolve("Folder.JPG"), "jpeg");

        Sidecars sidecars = Sidecars.read(folder);
        BookMetadata merged = BookMetadata.EMPTY;
        for (BookMetadata layer : sidecars.layers()) {
            merged = merged.overriddenBy(layer);
        }

        assertThat(merged.title()).contains("Json");
        assertThat(merged.description()).contains("From OPF");
        assertThat(merged.narrators()).containsExactly("Ann One", "Ben Two");
        assertThat(merged.series()).containsExactly(SeriesRef.of("Saga", "2.5"));
        assertThat(sidecars.coverImage()).contains(folder.resolve("Folder.JPG"));
        assertThat(sidecars.warnings()).isEmpty();
    }

    @Test
    void brokenSidecarsBecomeWarnings() throws IOException {
        Files.writeString(folder.resolve("metadata.json"), "{not json");
        Files.writeString(folder.resolve("x.opf"), "<unclosed>");

        Sidecars sidecars = Sidecars.read(folder);

        assertThat(sidecars.layers()).isEmpty();
        assertThat(sidecars.warnings()).hasSize(2);
    }

    @Test
    void opfFilesWithDoctypesAreRefusedSoNoEntityIsExpanded() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP SECRET");
        Path opf = Files.writeString(folder.resolve("evil.opf"), """
                <?xml version="1.0"?>
                <!DOCTYPE package [<!ENTITY x SYSTEM "file://%s">]>
                <package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>&x;</dc:title></metadata></package>""".formatted(secret));

        assertThatThrownBy(() -> OpfFile.read(opf)).isInstanceOf(IOException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void aSingleImageIsTheCoverButSeveralAreNot() throws IOException {
        Files.writeString(folder.resolve("art.png"), "png");
        assertThat(Sidecars.read(folder).coverImage()).contains(folder.resolve("art.png"));

        Files.writeString(folder.resolve("back.png"), "png");
        assertThat(Sidecars.read(folder).coverImage()).isEmpty();
    }
}
