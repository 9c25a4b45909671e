package org.cyprus.progress;

/**
 * Places an offline event on the server's clock: the device's time shifted by the device's last known offset from
 * the server, clamped between the device's last online contact and now (a device cannot have listened offline before
 * it was last online, nor in the future), and never before the event sent before it in the same batch.
 */
public final class ClockMapping {
    private ClockMapping() {
    }

    /**
     * @param deviceTimeMs   the device's clock when the event happened
     * @param offsetMs       server time minus device time, as last measured
     * @param lastContactMs  the device's last online contact (server clock)
     * @param nowMs          the server's clock now
     * @param previousMs     where the batch's previous event was placed (or {@link Long#MIN_VALUE})
     */
    public static long place(long deviceTimeMs, long offsetMs, long lastContactMs, long nowMs, long previousMs) {
        long mapped = deviceTimeMs + offsetMs;
        long clamped = Math.max(lastContactMs, Math.min(nowMs, mapped));
        return Math.min(nowMs, Math.max(clamped, previousMs));
    }
}
