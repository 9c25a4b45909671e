package org.cyprus.progress;

/** One row-level change the store makes durable; the changes of one request are committed together or not at all. */
public sealed interface ListeningWrite {
    long userId();

    /** A device's event, kept as history; (device, seq) is unique. */
    record EventLogged(long userId, String deviceId, ListeningEvent event, long atMs, ListeningRule.Verdict verdict)
            implements ListeningWrite {
    }

    record DeviceClockSaved(long userId, DeviceClock clock) implements ListeningWrite {
    }

    record DevicePositionSaved(long userId, DevicePosition position) implements ListeningWrite {
    }

    record BookPositionSaved(long userId, BookPosition position) implements ListeningWrite {
    }

    /** Progress in a book discarded: its position and every device's record of it. */
    record BookDiscarded(long userId, String bookId) implements ListeningWrite {
    }

    record SessionSaved(long userId, ListeningSession session) implements ListeningWrite {
    }

    record BookmarkSaved(long userId, Bookmark bookmark) implements ListeningWrite {
    }

    /** The listener's change counter. */
    record VersionSaved(long userId, long version) implements ListeningWrite {
    }
}
