package org.cyprus.media.mp3;

import java.math.BigInteger;
import java.math.RoundingMode;

/** {@code a * b / c} for non-negative operands without overflow: exact, rounded as asked, saturating at {@code Long.MAX_VALUE}. */
final class MulDiv {
    private MulDiv() {
    }

    static long floor(long a, long b, long c) {
        return divide(a, b, c, false);
    }

    static long ceil(long a, long b, long c) {
        return divide(a, b, c, true);
    }

    private static long divide(long a, long b, long c, boolean up) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException(a + " * " + b + " / " + c);
        }
        long low = a * b;
        if (Math.multiplyHigh(a, b) == 0 && low >= 0) {
            return up ? Math.ceilDiv(low, c) : low / c;
        }
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        BigInteger result = new java.math.BigDecimal(product)
                .divide(new java.math.BigDecimal(c), 0, up ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigInteger();
        return result.bitLength() < Long.SIZE ? result.longValue() : Long.MAX_VALUE;
    }
}
