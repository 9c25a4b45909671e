package org.cyprus.library.cover;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.CoverArt;

/**
 * Cover pictures, stored once each under their SHA-256 ({@code covers/ab/abcdef….jpg}) however many books share
 * them, plus a cache of resized JPEGs ({@code cache/covers/<hash>-<size>.jpg}). Files are written to a temporary
 * name and moved into place, so a crash never leaves half a picture.
 */
public final class CoverStore {
    /** Largest picture accepted as a cover. */
    public static final int MAX_COVER_BYTES = 25 * 1024 * 1024;
    private static final List<String> EXTENSIONS = List.of("jpg", "png", "webp", "gif", "bmp");

    private final Path originals;
    private final Path cache;
    private final CoverResizer resizer;

    public CoverStore(Path dataDir) {
        this.originals = dataDir.resolve("covers");
        this.cache = dataDir.resolve("cache").resolve("covers");
        this.resizer = new CoverResizer();
    }

    /** A stored original: its file and media type. */
    public record StoredCover(Path file, String mimeType) {
    }

    /**
     * Stores a picture and returns its hash; storing the same bytes again changes nothing.
     *
     * @throws IOException when the bytes are not a JPEG, PNG, WebP, GIF or BMP picture, or too large
     */
    public String put(byte[] bytes) throws IOException {
        if (bytes.length == 0 || bytes.length > MAX_COVER_BYTES) {
            throw new IOException("a cover must hold 1 to " + MAX_COVER_BYTES + " bytes, not " + bytes.length);
        }
        String mime = CoverArt.sniffMimeType(bytes.length > 16 ? java.util.Arrays.copyOf(bytes, 16) : bytes, "");
        if (!mime.startsWith("image/")) {
            throw new IOException("not a JPEG, PNG, WebP, GIF or BMP picture");
        }
        String hash = sha256(bytes);
        Path target = pathFor(hash, extension(mime));
        if (!Files.exists(target)) {
            writeAtomically(target, bytes);
        }
        return hash;
    }

    /** The original picture stored under {@code hash}. */
    public Optional<StoredCover> original(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        for (String ext : EXTENSIONS) {
            Path file = pathFor(hash, ext);
            if (Files.isRegularFile(file)) {
                return Optional.of(new StoredCover(file, mimeFor(ext)));
            }
        }
        return Optional.empty();
    }

    /** A JPEG of the cover fitting in {@code sizePx} × {@code sizePx}, made on first request and cached. */
    public Optional<Path> resized(String hash, int sizePx) throws IOException {
        Optional<StoredCover> original = original(hash);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        Path target = cache.resolve(hash.substring(0, 2)).resolve(hash + "-" + sizePx + ".jpg");
        if (!Files.isRegularFile(target)) {
            writeAtomically(target, resizer.toJpeg(original.get().file(), sizePx));
        }
        return Optional.of(target);
    }

    private Path pathFor(String hash, String ext) {
        return originals.resolve(hash.substring(0, 2)).resolve(hash + "." + ext);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String extension(String mime) {
        return switch (mime) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "image/gif" -> "gif";
            case "image/bmp" -> "bmp";
            default -> "jpg";
        };
    }

    private static String mimeFor(String ext) {
        return ext.equals("jpg") ? "image/jpeg" : "image/" + ext;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
