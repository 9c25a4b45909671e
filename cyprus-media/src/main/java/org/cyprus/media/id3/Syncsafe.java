package org.cyprus.media.id3;

/**
 * Synchsafe integers: 7 bits per byte, the top bit always zero, so that a size can never contain a false MPEG
 * sync (id3v2.4.0-structure §6.2).
 */
final class Syncsafe {
    private Syncsafe() {
    }

    /** Whether the four bytes at {@code offset} are a valid synchsafe integer (every top bit clear). */
    static boolean valid(byte[] bytes, int offset) {
        return ((bytes[offset] | bytes[offset + 1] | bytes[offset + 2] | bytes[offset + 3]) & 0x80) == 0;
    }

    /** The 28-bit value of four synchsafe bytes; top bits, if set anyway, are ignored. */
    static int decode(byte[] bytes, int offset) {
        return ((bytes[offset] & 0x7F) << 21) | ((bytes[offset + 1] & 0x7F) << 14)
                | ((bytes[offset + 2] & 0x7F) << 7) | (bytes[offset + 3] & 0x7F);
    }

    /** Four bytes as a plain big-endian unsigned integer. */
    static long plain(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8) | (bytes[offset + 3] & 0xFFL);
    }
}
