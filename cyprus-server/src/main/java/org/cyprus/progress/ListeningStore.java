package org.cyprus.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where listening state is kept. */
public interface ListeningStore {

    /** Everything the server keeps in memory of one listener's listening. */
    record Snapshot(long version, Map<String, BookPosition> books, List<DevicePosition> devices, List<DeviceClock> clocks,
                    List<ListeningSession> openSessions, Map<String, Bookmark> bookmarks) {
    }

    Snapshot load(long userId);

    /** Commits every write in one durable transaction (on disk when this returns). */
    void commit(List<ListeningWrite> writes);

    Optional<ListenedBook> book(String bookId);

    /** Sessions that ended at or after {@code sinceMs}, newest first, optionally of one book only. */
    List<ListeningSession> sessions(long userId, long sinceMs, Optional<String> bookId, int limit);
}
