package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sizes and modification times of everything a book is built from — its audio files and the sidecars beside
 * them — condensed into one value. When a book's signature has not changed since the last scan, the book is skipped
 * without reading a byte; that is what makes a rescan of an unchanged library take seconds.
 *
 * @param value the signature
 * @param audio the size and time of each audio file, in walk order
 */
public record BookSignature(String value, Map<Path, FileStat> audio) {
    /** Bump when the rules that turn files into books change, so every book is read again once. */
    static final String RULES_VERSION = "book-rules-1";

    /** A file's size and modification time. */
    public record FileStat(long sizeBytes, long mtimeMs) {
    }

    /** Computes the signature of {@code folder}; a file that vanished meanwhile is left out. */
    public static BookSignature of(BookFolder folder) {
        Map<Path, FileStat> audio = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add(RULES_VERSION);
        for (Path file : folder.audioFiles()) {
            stat(file).ifPresent(stat -> {
                audio.put(file, stat);
                lines.add("a " + folder.relative(file) + " " + stat.sizeBytes() + " " + stat.mtimeMs());
            });
        }
        if (!folder.singleFile()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.folder(), BookSignature::isSidecar)) {
                List<String> sidecars = new ArrayList<>();
                for (Path entry : entries) {
                    stat(entry).ifPresent(stat -> sidecars.add("s " + entry.getFileName() + " " + stat.sizeBytes() + " " + stat.mtimeMs()));
                }
                sidecars.sort(null);
                lines.addAll(sidecars);
            } catch (IOException e) {
                lines.add("s unreadable");
            }
        }
        return new BookSignature(hash(lines), audio);
    }

    private static boolean isSidecar(Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.equals("desc.txt") || name.equals("reader.txt") || name.equals("metadata.json")
                || name.endsWith(".opf") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png")
                || name.endsWith(".webp"));
    }

    private static java.util.Optional<FileStat> stat(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new FileStat(attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String hash(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
