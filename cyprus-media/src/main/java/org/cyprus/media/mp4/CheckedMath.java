package org.cyprus.media.mp4;

import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/** Arithmetic on sizes, offsets and counts read from a file, failing with {@link MediaError#CORRUPT} on overflow. */
final class CheckedMath {
    private CheckedMath() {
    }

    static long add(long a, long b, String what) throws MediaException {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw new MediaException(MediaError.CORRUPT, what + " overflows: " + a + " + " + b);
        }
        return sum;
    }

    static long multiply(long a, long b, String what) throws MediaException {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        throw new MediaException(MediaError.CORRUPT, what + " overflows: " + a + " * " + b);
    }

    /**
     * A table's entry count checked against the bytes that hold it: {@code count} entries of {@code entryBytes}
     * each must fit in {@code availableBytes}, so an array of that many entries can be allocated safely.
     */
    static int tableCount(long count, int entryBytes, long availableBytes, String table) throws MediaException {
        if (count < 0 || count > availableBytes / entryBytes || count > Integer.MAX_VALUE - 8) {
            throw new MediaException(MediaError.CORRUPT, table + " declares " + count + " entries of " + entryBytes
                    + " bytes but holds only " + availableBytes + " bytes");
        }
        return (int) count;
    }
}
