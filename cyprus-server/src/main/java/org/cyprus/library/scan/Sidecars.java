package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PersonNames;

/**
 * The files beside a book's audio that describe it, in rising precedence: {@code desc.txt} and {@code reader.txt},
 * an OPF file, and {@code metadata.json}; and the folder's cover picture ({@code cover.jpg|jpeg|png|webp},
 * {@code folder.jpg|png}, else the folder's only picture).
 *
 * @param layers     metadata from each sidecar found, lowest precedence first
 * @param coverImage the folder's cover picture, if any
 * @param warnings   sidecars that could not be read, and why
 */
public record Sidecars(List<BookMetadata> layers, Optional<Path> coverImage, List<String> warnings) {
    static final long MAX_TEXT_BYTES = 256 * 1024;
    private static final List<String> COVER_NAMES = List.of("cover.jpg", "cover.jpeg", "cover.png", "cover.webp",
            "folder.jpg", "folder.jpeg", "folder.png", "folder.webp");
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");

    public static final Sidecars NONE = new Sidecars(List.of(), Optional.empty(), List.of());

    /** Reads the sidecars in {@code folder}. */
    public static Sidecars read(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && !entry.getFileName().toString().startsWith(".")) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            return new Sidecars(List.of(), Optional.empty(), List.of("cannot list " + folder + ": " + e.getMessage()));
        }
        List<BookMetadata> layers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<String> description = named(files, "desc.txt").flatMap(f -> readText(f, warnings));
        Optional<String> readers = named(files, "reader.txt").flatMap(f -> readText(f, warnings));
        if (description.isPresent() || readers.isPresent()) {
            layers.add(BookMetadata.builder()
                    .description(description.orElse(null))
                    .narrators(readers.map(r -> PersonNames.split(r.replace('\n', ';'))).orElse(List.of()))
                    .build());
        }
        files.stream().filter(f -> lowerName(f).endsWith(".opf")).sorted().findFirst().ifPresent(opf -> {
            try {
                layers.add(OpfFile.read(opf));
            } catch (IOException e) {
                warnings.add(opf.getFileName() + ": " + e.getMessage());
            }
        });
        named(files, "metadata.json").ifPresent(json -> {
            try {
                layers.add(MetadataJsonFile.read(json));
            } catch (IOException e) {
                warnings.add(json.getFileName() + ": " + e.getMessage());
            }
        });
        return new Sidecars(layers, cover(files), warnings);
    }

    private static Optional<Path> cover(List<Path> files) {
        for (String name : COVER_NAMES) {
            Optional<Path> found = named(files, name);
            if (found.isPresent()) {
                return found;
            }
        }
        List<Path> images = files.stream().filter(f -> IMAGE_EXTENSIONS.stream().anyMatch(lowerName(f)::endsWith)).toList();
        return images.size() == 1 ? Optional.of(images.getFirst()) : Optional.empty();
    }

    private static Optional<Path> named(List<Path> files, String name) {
        return files.stream().filter(f -> lowerName(f).equals(name)).findFirst();
    }

    private static String lowerName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** A small text file as UTF-8 (else Latin-1), or empty with a warning when it is too large or unreadable. */
    private static Optional<String> readText(Path file, List<String> warnings) {
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                warnings.add(file.getFileName() + ": larger than " + MAX_TEXT_BYTES + " bytes, ignored");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            text = text.replace("\uFEFF", "").replace("\r\n", "\n").strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            warnings.add(file.getFileName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
