package org.cyprus.progress;

import java.util.Optional;

/**
 * What the server knows of one device's sequence and clock.
 *
 * @param lastSeq         the highest event sequence number applied
 * @param lastContactAtMs when the device was last heard from online (server clock)
 * @param clockOffsetMs   server time minus device time, as last measured online
 */
public record DeviceClock(String deviceId, long lastSeq, long lastContactAtMs, Optional<Long> clockOffsetMs) {
    static DeviceClock fresh(String deviceId) {
        return new DeviceClock(deviceId, 0, 0, Optional.empty());
    }
}
