package org.cyprus.media.id3;

import java.util.Arrays;

/**
 * Undoes the unsynchronisation scheme of id3v2.4.0-structure §6.1 (id3v2.3.0 §5): a writer inserts {@code $00}
 * after every {@code $FF} that is followed by a byte of {@code %111xxxxx} or by {@code $00}, so a reader drops
 * every {@code $00} that directly follows a {@code $FF}.
 */
final class Unsynchronisation {
    private Unsynchronisation() {
    }

    /** The decoded bytes; the same array when there was nothing to remove. */
    static byte[] decode(byte[] bytes) {
        int removable = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && bytes[i + 1] == 0) {
                removable++;
            }
        }
        if (removable == 0) {
            return bytes;
        }
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            out[n++] = bytes[i];
            if ((bytes[i] & 0xFF) == 0xFF && i + 1 < bytes.length && bytes[i + 1] == 0) {
                i++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
