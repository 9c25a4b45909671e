package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Content fingerprints that recognise a file after it was renamed, moved, copied back (new inode) or re-tagged:
 * CRC-32C of the first and of the last 64 KiB of its audio data, with the data's length. Tags live outside the audio
 * range, so editing them does not change the fingerprint. This is identity within one library, not security: two
 * distinct 32-bit checks plus the exact length make an accidental match between different recordings vanishingly
 * unlikely, and CRC-32C runs at memory speed (a cryptographic hash here cost more than probing the file).
 */
public final class Fingerprints {
    static final int WINDOW_BYTES = 64 * 1024;

    private Fingerprints() {
    }

    /** The fingerprint of the bytes {@code [start, end)} of {@code file} (its audio data). */
    public static String of(Path file, long start, long end) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.clamp(start, 0, size);
            long to = Math.clamp(end, from, size);
            long length = to - from;
            long head = crc(channel, from, Math.min(WINDOW_BYTES, length));
            long tail = length > WINDOW_BYTES ? crc(channel, Math.max(from + WINDOW_BYTES, to - WINDOW_BYTES),
                    to - Math.max(from + WINDOW_BYTES, to - WINDOW_BYTES)) : 0;
            return String.format("%08x%08x%x", head, tail, length);
        }
    }

    /** The fingerprint of a whole file, for files whose audio range is unknown (they could not be read). */
    public static String ofWholeFile(Path file) throws IOException {
        return of(file, 0, Long.MAX_VALUE);
    }

    private static long crc(FileChannel channel, long position, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        buffer.flip();
        CRC32C crc = new CRC32C();
        crc.update(buffer);
        return crc.getValue();
    }
}
