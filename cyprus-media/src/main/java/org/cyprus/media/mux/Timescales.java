package org.cyprus.media.mux;

import java.math.BigInteger;

/** Conversions between timescales, exact for every non-negative input and saturating instead of overflowing. */
final class Timescales {
    /** The clock of MPEG-TS presentation time stamps (ISO/IEC 13818-1 §2.4.3.7). */
    static final long PTS_HZ = 90_000;

    private Timescales() {
    }

    /** {@code time * toScale / fromScale}, rounded down; {@link Long#MAX_VALUE} when that does not fit. */
    static long rescaleFloor(long time, long toScale, long fromScale) {
        if (time < 0 || toScale < 0 || fromScale <= 0) {
            throw new IllegalArgumentException(time + " * " + toScale + " / " + fromScale);
        }
        long low = time * toScale;
        if (Math.multiplyHigh(time, toScale) == 0) {
            long quotient = Long.divideUnsigned(low, fromScale);
            return quotient < 0 ? Long.MAX_VALUE : quotient;
        }
        BigInteger result = BigInteger.valueOf(time).multiply(BigInteger.valueOf(toScale))
                .divide(BigInteger.valueOf(fromScale));
        return result.bitLength() < Long.SIZE ? result.longValue() : Long.MAX_VALUE;
    }
}
