package org.cyprus.progress;

import java.util.Optional;

/**
 * The rule that decides whether an event moves the book's position, as a pure function.
 *
 * <p>Only listening moves a book: playback advanced beyond where this device itself started playing or seeking, a
 * deliberate seek, a finish or a reset. Listening is ordered by when it happened on the server's clock, so an event
 * from before the book's latest activity moves nothing; and an event naming a version older than the book's, when
 * another device moved the book since, is a conflict the device is told about. Every event still updates the
 * device's own record.
 */
public final class ListeningRule {
    /** Under this much left, a book counts as finished. */
    public static final long FINISH_WINDOW_MS = 10_000;
    /** A tick may report up to this much behind the device's last one (players settle after buffering) and still be advancing. */
    static final long JITTER_MS = 2_000;

    private ListeningRule() {
    }

    /** Why an event did or did not move the book. */
    public enum Verdict {
        /** The book's position moved. */
        MOVED,
        /** Not listening (opening a book, a tick after a pause, a jump backwards): only the device's record changed. */
        DEVICE_ONLY,
        /** The listening happened before the book's latest activity: it counts in history, the book stays. */
        EARLIER,
        /** Another device moved the book after the version this device last saw. */
        CONFLICT,
        /** A replay, recognised by its sequence number: nothing changed (never returned by the rule itself). */
        DUPLICATE
    }

    /** What one event does: the book's position (present once anything ever moved it), the device's record, and why. */
    public record Outcome(Optional<BookPosition> book, DevicePosition device, Verdict verdict) {
    }

    /**
     * Applies {@code event}, which happened at {@code atMs} on the server's clock, from {@code deviceId}.
     *
     * @param nextVersion the version the book takes if it moves
     */
    public static Outcome apply(Optional<BookPosition> book, Optional<DevicePosition> device, String deviceId,
                                ListeningEvent event, long atMs, long durationMs, long nextVersion) {
        long positionMs = Math.min(event.positionMs(), durationMs);
        ListeningAction action = event.action();
        if (action == ListeningAction.FINISH) {
            positionMs = durationMs;
        } else if (action == ListeningAction.RESET) {
            positionMs = 0;
        }
        boolean nearEnd = durationMs > 0 && durationMs - positionMs < FINISH_WINDOW_MS;
        DevicePosition next = deviceRecord(device, deviceId, event, positionMs, atMs, nearEnd);
        if (!listening(device, action, positionMs)) {
            return new Outcome(book, next, Verdict.DEVICE_ONLY);
        }
        if (book.isPresent()) {
            BookPosition current = book.get();
            if (atMs < current.activityAtMs()) {
                return new Outcome(book, next, Verdict.EARLIER);
            }
            if (event.baseVersion() < current.version() && !current.deviceId().equals(deviceId)) {
                return new Outcome(book, next, Verdict.CONFLICT);
            }
        }
        BookPosition base = book.orElse(new BookPosition(event.bookId(), 0, 0, deviceId, atMs, false, Optional.empty(), 0));
        BookPosition moved = base.movedTo(positionMs, nextVersion, deviceId, atMs);
        if (action == ListeningAction.FINISH || nearEnd) {
            moved = moved.finishedAt(atMs);
        } else if (moved.finished()) {
            moved = moved.newPass();
        }
        return new Outcome(Optional.of(moved), next, Verdict.MOVED);
    }

    /** Is this event listening: a deliberate act, or playback advancing from this device's own start? */
    static boolean listening(Optional<DevicePosition> device, ListeningAction action, long positionMs) {
        if (action.deliberate()) {
            return true;
        }
        if (!action.advancing() || device.isEmpty()) {
            return false;
        }
        DevicePosition previous = device.get();
        return previous.state() == PlaybackState.PLAYING && positionMs > previous.anchorMs()
                && positionMs + JITTER_MS >= previous.positionMs();
    }

    private static DevicePosition deviceRecord(Optional<DevicePosition> device, String deviceId, ListeningEvent event,
                                               long positionMs, long atMs, boolean nearEnd) {
        PlaybackState before = device.map(DevicePosition::state).orElse(PlaybackState.PAUSED);
        PlaybackState state = switch (event.action()) {
            case PLAY, PROGRESS -> PlaybackState.PLAYING;
            case PAUSE, RESET -> PlaybackState.PAUSED;
            case SEEK -> before == PlaybackState.FINISHED ? PlaybackState.PAUSED : before;
            case FINISH -> PlaybackState.FINISHED;
        };
        if (nearEnd && event.action() != ListeningAction.PLAY) {
            state = PlaybackState.FINISHED;
        }
        long anchorMs = switch (event.action()) {
            case PLAY, SEEK, RESET, FINISH -> positionMs;
            // A tick from a device that was not playing begins a new run of playback there, as a play would.
            case PROGRESS, PAUSE -> device.filter(d -> d.state() == PlaybackState.PLAYING).map(DevicePosition::anchorMs).orElse(positionMs);
        };
        long lastListenedAtMs = Math.max(atMs, device.map(DevicePosition::lastListenedAtMs).orElse(0L));
        return new DevicePosition(deviceId, event.bookId(), positionMs, state, lastListenedAtMs, anchorMs, event.speed());
    }
}
