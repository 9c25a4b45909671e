package org.cyprus.library.media;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MediaFiles} that remembers each file it looked up for a moment: a player fetches the same file range after
 * range, and each request need not go to the database. What it answers may be {@code ttl} old — a file moved or a
 * library deleted shows up that much later — and {@link #forget} drops an entry found to be stale.
 */
public final class RecentMediaFiles implements MediaFiles {
    private static final int MAX_ENTRIES = 4096;

    private final MediaFiles source;
    private final Clock clock;
    private final long ttlMs;
    private final Map<String, Entry> recent = new ConcurrentHashMap<>();

    private record Entry(Optional<PlayableFile> file, long expiresAtMs) {
    }

    public RecentMediaFiles(MediaFiles source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttlMs = ttl.toMillis();
    }

    @Override
    public Optional<PlayableFile> file(String fileId) {
        long now = clock.millis();
        Entry entry = recent.get(fileId);
        if (entry != null && now < entry.expiresAtMs()) {
            return entry.file();
        }
        Optional<PlayableFile> file = source.file(fileId);
        if (file.isPresent()) {
            if (recent.size() >= MAX_ENTRIES) {
                recent.clear();
            }
            recent.put(fileId, new Entry(file, now + ttlMs));
        } else {
            recent.remove(fileId);
        }
        return file;
    }

    @Override
    public Optional<Long> libraryOf(String bookId) {
        return source.libraryOf(bookId);
    }

    @Override
    public List<PlayableFile> ofBook(String bookId) {
        return source.ofBook(bookId);
    }

    /** Drops what is remembered of {@code fileId}, so the next lookup asks the source. */
    public void forget(String fileId) {
        recent.remove(fileId);
    }
}
