package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content fingerprints that recognise a file after it was renamed, moved, copied back (new inode) or re-tagged:
 * SHA-256 over the first and last 64 KiB of its audio data and the data's length. Tags live outside the audio
 * range, so editing them does not change the fingerprint.
 */
public final class Fingerprints {
    static final int WINDOW_BYTES = 64 * 1024;

    private Fingerprints() {
    }

    /** The fingerprint of the bytes {@code [start, end)} of {@code file} (its audio data). */
    public static String of(Path file, long start, long end) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.clamp(start, 0, size);
            long to = Math.clamp(end, from, size);
            long length = to - from;
            digest(channel, sha, from, Math.min(WINDOW_BYTES, length));
            if (length > WINDOW_BYTES) {
                long tailStart = Math.max(from + WINDOW_BYTES, to - WINDOW_BYTES);
                digest(channel, sha, tailStart, to - tailStart);
            }
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, length));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 20);
    }

    /** The fingerprint of a whole file, for files whose audio range is unknown (they could not be read). */
    public static String ofWholeFile(Path file) throws IOException {
        return of(file, 0, Long.MAX_VALUE);
    }

    private static void digest(FileChannel channel, MessageDigest sha, long position, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        buffer.flip();
        sha.update(buffer);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
