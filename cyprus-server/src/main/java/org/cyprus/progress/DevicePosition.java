package org.cyprus.progress;

/**
 * One device's own record of a book: where it was, what it was doing, and when it last listened (server clock).
 *
 * @param anchorMs the position its current run of playback started from (a play or seek); playback advancing
 *                 from there is listening, anything behind it is not
 */
public record DevicePosition(String deviceId, String bookId, long positionMs, PlaybackState state, long lastListenedAtMs,
                             long anchorMs, double speed) {
}
