package org.cyprus.progress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One listener's listening state as the server holds it in memory, loaded once from the store; every change to it
 * happens under its lock, in the order the changes are then committed.
 */
final class UserListening {
    final ReentrantLock lock = new ReentrantLock();
    /** The change counter when this state was loaded: a device that last saw an older one gets a full snapshot. */
    final long loadedVersion;
    long version;
    final Map<String, BookPosition> books = new HashMap<>();
    final Map<String, DevicePosition> devices = new HashMap<>();
    final Map<String, DeviceClock> clocks = new HashMap<>();
    final Map<String, ListeningSession> openSessions = new HashMap<>();
    final Map<String, Bookmark> bookmarks = new HashMap<>();
    /** Books discarded since loading, with the version of the discard. */
    final Map<String, Long> discarded = new HashMap<>();

    UserListening(ListeningStore.Snapshot snapshot) {
        this.loadedVersion = snapshot.version();
        this.version = snapshot.version();
        books.putAll(snapshot.books());
        snapshot.devices().forEach(d -> devices.put(key(d.deviceId(), d.bookId()), d));
        snapshot.clocks().forEach(c -> clocks.put(c.deviceId(), c));
        snapshot.openSessions().forEach(s -> openSessions.put(key(s.deviceId(), s.bookId()), s));
        bookmarks.putAll(snapshot.bookmarks());
    }

    static String key(String deviceId, String bookId) {
        return deviceId + '\n' + bookId;
    }

    Optional<DevicePosition> device(String deviceId, String bookId) {
        return Optional.ofNullable(devices.get(key(deviceId, bookId)));
    }

    List<DevicePosition> devicesOf(String bookId) {
        return devices.values().stream().filter(d -> d.bookId().equals(bookId)).toList();
    }

    DeviceClock clock(String deviceId) {
        return clocks.getOrDefault(deviceId, DeviceClock.fresh(deviceId));
    }

    /** Forgets a book's progress (its position, every device's record, open sessions). */
    void discard(String bookId) {
        books.remove(bookId);
        Set<String> gone = new HashSet<>();
        devices.forEach((k, d) -> {
            if (d.bookId().equals(bookId)) {
                gone.add(k);
            }
        });
        gone.forEach(devices::remove);
        gone.forEach(openSessions::remove);
    }
}
