package org.cyprus.library.media;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link MediaFiles} that remembers each file, book and library it looked up for a moment: a player fetches the same
 * file range after range and a book segment after segment, and each request need not go to the database. What it
 * answers may be {@code ttl} old — a file moved, a part added or a library deleted shows up that much later — and
 * {@link #forget} drops an entry found to be stale.
 */
public final class RecentMediaFiles implements MediaFiles {
    private static final int MAX_ENTRIES = 4096;

    private final MediaFiles source;
    private final Clock clock;
    private final long ttlMs;
    private final Map<String, Remembered<PlayableFile>> files = new ConcurrentHashMap<>();
    private final Map<String, Remembered<Long>> libraries = new ConcurrentHashMap<>();
    private final Map<String, Remembered<List<PlayableFile>>> books = new ConcurrentHashMap<>();

    private record Remembered<T>(T value, long expiresAtMs) {
    }

    public RecentMediaFiles(MediaFiles source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttlMs = ttl.toMillis();
    }

    @Override
    public Optional<PlayableFile> file(String fileId) {
        return remember(files, fileId, () -> source.file(fileId));
    }

    @Override
    public Optional<Long> libraryOf(String bookId) {
        return remember(libraries, bookId, () -> source.libraryOf(bookId));
    }

    @Override
    public List<PlayableFile> ofBook(String bookId) {
        return remember(books, bookId, () -> Optional.of(source.ofBook(bookId)).filter(files -> !files.isEmpty())).orElse(List.of());
    }

    /** A present answer is remembered for the ttl; an empty one is not (a book may be added any moment). */
    private <T> Optional<T> remember(Map<String, Remembered<T>> memory, String key, Supplier<Optional<T>> load) {
        long now = clock.millis();
        Remembered<T> entry = memory.get(key);
        if (entry != null && now < entry.expiresAtMs()) {
            return Optional.of(entry.value());
        }
        Optional<T> value = load.get();
        if (value.isPresent()) {
            if (memory.size() >= MAX_ENTRIES) {
                memory.clear();
            }
            memory.put(key, new Remembered<>(value.get(), now + ttlMs));
        } else {
            memory.remove(key);
        }
        return value;
    }

    /** The file as remembered, without asking the source: empty when it is not remembered or no longer fresh. */
    public Optional<PlayableFile> remembered(String fileId) {
        Remembered<PlayableFile> entry = files.get(fileId);
        return entry != null && clock.millis() < entry.expiresAtMs() ? Optional.of(entry.value()) : Optional.empty();
    }

    /** Drops what is remembered of {@code fileId}, so the next lookup asks the source. */
    public void forget(String fileId) {
        Remembered<PlayableFile> gone = files.remove(fileId);
        if (gone != null) {
            books.remove(gone.value().bookId());
        }
    }
}
