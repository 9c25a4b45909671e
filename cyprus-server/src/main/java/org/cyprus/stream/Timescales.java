package org.cyprus.stream;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Conversions between microseconds and a timescale's units (units per second), rounding down. */
public final class Timescales {
    private static final long MICROS = 1_000_000L;

    private Timescales() {
    }

    public static long toMicros(long time, long timescale) {
        return scale(time, MICROS, timescale);
    }

    public static long fromMicros(long timeUs, long timescale) {
        return scale(timeUs, timescale, MICROS);
    }

    /** {@code value × multiplier ÷ divisor}, rounded down, exact even where the product overflows a long. */
    static long scale(long value, long multiplier, long divisor) {
        long high = Math.multiplyHigh(value, multiplier);
        long low = value * multiplier;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return Math.floorDiv(low, divisor);
        }
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(multiplier)).divide(BigInteger.valueOf(divisor)).longValueExact();
    }

    /** A time as seconds with millisecond precision, for playlists, manifests and headers. */
    public static String seconds(long time, long timescale) {
        return BigDecimal.valueOf(time).divide(BigDecimal.valueOf(timescale), 3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
