package org.cyprus.progress;

/**
 * A stretch of listening on one device: from where and when it began to where and when it ended, how long was heard
 * (book time divided by speed) and at what speed.
 */
public record ListeningSession(String id, String deviceId, String bookId, long startPositionMs, long endPositionMs,
                               long startedAtMs, long endedAtMs, long listenedMs, double speed, boolean open) {

    ListeningSession extendTo(long positionMs, long atMs, long heardMs, double newSpeed) {
        return new ListeningSession(id, deviceId, bookId, startPositionMs, positionMs, startedAtMs, Math.max(endedAtMs, atMs),
                listenedMs + heardMs, newSpeed, open);
    }

    ListeningSession closed() {
        return new ListeningSession(id, deviceId, bookId, startPositionMs, endPositionMs, startedAtMs, endedAtMs, listenedMs, speed, false);
    }
}
