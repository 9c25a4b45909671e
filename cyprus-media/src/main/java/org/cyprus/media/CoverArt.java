package org.cyprus.media;

import java.io.IOException;
import java.util.Objects;
import org.cyprus.media.io.ByteSource;

/**
 * An embedded picture: its media type and where its bytes are. Pictures usually stay in the file until asked
 * for; those that must be decoded first (from an unsynchronised ID3 tag) are held inline.
 *
 * @param mimeType  {@code image/jpeg}, {@code image/png}, ... as detected from the bytes where possible
 * @param sizeBytes size of the picture's bytes
 * @param location  where the bytes are
 */
public record CoverArt(String mimeType, int sizeBytes, Location location) {
    public CoverArt {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(location, "location");
    }

    /** Where a picture's bytes are. */
    public sealed interface Location {
    }

    /** The bytes lie unchanged in the file at {@code offset}. */
    public record InFile(long offset) implements Location {
    }

    /** The bytes, already decoded. */
    public record Inline(byte[] bytes) implements Location {
    }

    /** The picture's bytes, reading them from {@code source} (the file this cover came from) when needed. */
    public byte[] read(ByteSource source) throws IOException, MediaException {
        return switch (location) {
            case InFile inFile -> source.readBytes(inFile.offset(), sizeBytes);
            case Inline inline -> inline.bytes().clone();
        };
    }

    /** The media type of a picture judged by its first bytes (JPEG, PNG, GIF, WebP, BMP), else {@code fallback}. */
    public static String sniffMimeType(byte[] head, String fallback) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        if (head.length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return "image/gif";
        }
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return "image/webp";
        }
        if (head.length >= 2 && head[0] == 'B' && head[1] == 'M') {
            return "image/bmp";
        }
        return fallback;
    }
}
