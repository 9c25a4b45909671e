package org.cyprus.progress;

import java.util.Optional;

/** What the server pushes to a listener's connected devices. */
public sealed interface SyncMessage {

    /** The book's position moved, by the named device's listening. */
    record PositionChanged(BookPosition book, String deviceName) implements SyncMessage {
    }

    /** The listener discarded their progress in a book. */
    record PositionDiscarded(String bookId, long version) implements SyncMessage {
    }

    /** A device started or stopped playing ("playing on Pixel 8"). */
    record Presence(String deviceId, String deviceName, String bookId, PlaybackState state, long positionMs, long atMs)
            implements SyncMessage {
    }

    /** The device's last connection closed or was found dead: it is no longer there to play or be controlled. */
    record DeviceLeft(String deviceId, String deviceName) implements SyncMessage {
    }

    /** A bookmark was created, changed or deleted. */
    record BookmarkChanged(Bookmark bookmark) implements SyncMessage {
    }

    /** Another device of the same listener asks this one to pause, resume or seek. */
    record RemoteControl(String fromDeviceId, String fromDeviceName, Command command, Optional<Long> positionMs)
            implements SyncMessage {
    }

    /** Something happened in a library the listener may read: a scan's progress, books added. */
    record LibraryNews(long libraryId, String kind, Optional<String> bookId, Optional<Integer> done, Optional<Integer> total)
            implements SyncMessage {
    }

    /** What remote control can ask. */
    enum Command {
        PAUSE, RESUME, SEEK;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
