package org.cyprus.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Derives listening sessions from a device's events, as a pure function: playback advancing adds the book time
 * heard (divided by speed) to the open session; a play, a seek or a pause of more than {@link #GAP_MS} starts a new
 * one; a pause, finish or reset closes it. Listening counts whether or not it moved the book.
 */
public final class SessionTracker {
    /** Longer than this between two events and they belong to different sessions. */
    static final long GAP_MS = 10 * 60_000;
    /** A jump forward larger than this between two ticks is a skip, not listening. */
    static final long MAX_TICK_MS = 30 * 60_000;

    private SessionTracker() {
    }

    /** The sessions to save after {@code event}: the one it closed and/or the one it opened or extended. */
    public static List<ListeningSession> apply(Optional<ListeningSession> open, Optional<DevicePosition> before,
                                               String deviceId, ListeningEvent event, long positionMs, long atMs,
                                               Supplier<String> newId) {
        List<ListeningSession> out = new ArrayList<>(2);
        Optional<ListeningSession> current = open.filter(ListeningSession::open);
        ListeningAction action = event.action();
        boolean stale = current.isPresent() && atMs - current.get().endedAtMs() > GAP_MS;
        boolean restart = action == ListeningAction.PLAY || action == ListeningAction.SEEK || action == ListeningAction.RESET;
        if (current.isPresent() && (stale || restart)) {
            out.add(current.get().closed());
            current = Optional.empty();
        }
        double speed = event.speed() > 0 ? event.speed() : 1.0;
        long heardMs = 0;
        if (action.advancing() && before.isPresent() && before.get().state() == PlaybackState.PLAYING) {
            long deltaMs = positionMs - before.get().positionMs();
            if (deltaMs > 0 && deltaMs <= MAX_TICK_MS && !stale) {
                heardMs = Math.round(deltaMs / speed);
            }
        }
        boolean ends = action == ListeningAction.PAUSE || action == ListeningAction.FINISH || action == ListeningAction.RESET;
        if (current.isEmpty()) {
            boolean opens = action == ListeningAction.PLAY || action == ListeningAction.PROGRESS || heardMs > 0;
            if (!opens) {
                return out;
            }
            long startMs = heardMs > 0 ? before.get().positionMs() : positionMs;
            current = Optional.of(new ListeningSession(newId.get(), deviceId, event.bookId(), startMs, startMs, atMs, atMs, 0, speed, true));
        }
        ListeningSession next = current.get().extendTo(positionMs, atMs, heardMs, speed);
        out.add(ends ? next.closed() : next);
        return out;
    }
}
