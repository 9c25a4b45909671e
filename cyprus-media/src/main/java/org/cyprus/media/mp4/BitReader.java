package org.cyprus.media.mp4;

import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/** A most-significant-bit-first reader over a byte array, failing with {@link MediaError#TRUNCATED} at its end. */
final class BitReader {
    private final byte[] bytes;
    private long bitPosition;

    BitReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads {@code count} bits (0–32) as an unsigned number. */
    int bits(int count) throws MediaException {
        if (count < 0 || count > 32) {
            throw new IllegalArgumentException("bit count " + count);
        }
        if (count > bitsLeft()) {
            throw new MediaException(MediaError.TRUNCATED, "needed " + count + " bits but " + bitsLeft() + " remain");
        }
        long value = 0;
        for (int i = 0; i < count; i++) {
            int b = bytes[(int) (bitPosition >>> 3)] >> (7 - (int) (bitPosition & 7)) & 1;
            value = value << 1 | b;
            bitPosition++;
        }
        return (int) value;
    }

    boolean flag() throws MediaException {
        return bits(1) == 1;
    }

    void skip(long count) throws MediaException {
        if (count < 0 || count > bitsLeft()) {
            throw new MediaException(MediaError.TRUNCATED, "cannot skip " + count + " bits; " + bitsLeft() + " remain");
        }
        bitPosition += count;
    }

    /** Skips to the next byte boundary (counted from the start of the array). */
    void byteAlign() {
        bitPosition = Math.min((bitPosition + 7) & ~7L, (long) bytes.length * 8);
    }

    long bitsLeft() {
        return (long) bytes.length * 8 - bitPosition;
    }
}
