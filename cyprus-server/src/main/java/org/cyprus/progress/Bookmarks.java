package org.cyprus.progress;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.cyprus.auth.Principal;

/**
 * Bookmarks, kept and synced like positions: each edit is placed on the server's clock (offline edits through the
 * device's clock offset), merged per bookmark by {@link BookmarkMerge}, committed durably, then pushed to the
 * listener's other devices. Deleting leaves a tombstone.
 */
public final class Bookmarks {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_TITLE_CHARS = 200;
    static final int MAX_NOTE_CHARS = 10_000;

    private final ListenerStates states;
    private final CommitQueue commits;
    private final SyncHub hub;
    private final ListeningBooks books;
    private final DeviceDirectory devices;
    private final Clock clock;

    public Bookmarks(Listening listening, SyncHub hub, ListeningBooks books, DeviceDirectory devices, Clock clock) {
        this.states = listening.states();
        this.commits = listening.commits();
        this.hub = hub;
        this.books = books;
        this.devices = devices;
        this.clock = clock;
    }

    /** An edit from a device: {@code deviceTimeMs} when it was made offline. */
    public record Edit(String id, String bookId, long positionMs, String title, Optional<String> note, Optional<Long> deviceTimeMs) {
    }

    /** Creates or changes a bookmark; returns it as stored (an older edit than the stored one changes nothing). */
    public Bookmark save(Principal principal, Edit edit) {
        checkId(edit.id());
        if (edit.title() == null || edit.title().length() > MAX_TITLE_CHARS || edit.note().map(String::length).orElse(0) > MAX_NOTE_CHARS) {
            throw new ProgressException(ProgressException.Kind.INVALID,
                    "A bookmark needs a title of at most " + MAX_TITLE_CHARS + " characters and a note of at most " + MAX_NOTE_CHARS + ".");
        }
        ListenedBook book = books.readable(principal, edit.bookId());
        long positionMs = Math.min(edit.positionMs(), book.durationMs());
        return change(principal, edit.id(), Optional.of(edit.bookId()), edit.deviceTimeMs(), (existing, atMs, version) ->
                new Bookmark(edit.id(), edit.bookId(), positionMs, edit.title(), edit.note(),
                        existing.map(Bookmark::createdAtMs).orElse(atMs), atMs, false, version));
    }

    /** Deletes a bookmark, leaving a tombstone; a not-found failure when there is none. */
    public Bookmark delete(Principal principal, String id, Optional<Long> deviceTimeMs) {
        checkId(id);
        return change(principal, id, Optional.empty(), deviceTimeMs, (existing, atMs, version) -> {
            Bookmark b = existing.orElseThrow(() -> new ProgressException(ProgressException.Kind.NOT_FOUND, "There is no bookmark " + id + "."));
            return new Bookmark(id, b.bookId(), b.positionMs(), b.title(), b.note(), b.createdAtMs(), atMs, true, version);
        });
    }

    private interface Change {
        Bookmark make(Optional<Bookmark> existing, long atMs, long version);
    }

    private Bookmark change(Principal principal, String id, Optional<String> bookId, Optional<Long> deviceTimeMs, Change change) {
        long userId = principal.user().id();
        String deviceId = devices.deviceOf(principal);
        UserListening state = states.of(userId);
        CompletableFuture<Void> durable;
        Bookmark result;
        boolean changed;
        state.lock.lock();
        try {
            Optional<Bookmark> existing = Optional.ofNullable(state.bookmarks.get(id));
            if (existing.isPresent() && bookId.isPresent() && !existing.get().bookId().equals(bookId.get())) {
                throw new ProgressException(ProgressException.Kind.INVALID, "Bookmark " + id + " belongs to another book.");
            }
            if (existing.isPresent() && !books.isReadable(principal, existing.get().bookId())) {
                throw new ProgressException(ProgressException.Kind.NOT_FOUND, "There is no bookmark " + id + ".");
            }
            long nowMs = clock.millis();
            DeviceClock deviceClock = state.clock(deviceId);
            long atMs = deviceTimeMs.map(t -> ClockMapping.place(t, deviceClock.clockOffsetMs().orElse(0L),
                    deviceClock.lastContactAtMs(), nowMs, Long.MIN_VALUE)).orElse(nowMs);
            Optional<Bookmark> merged = BookmarkMerge.merge(existing, change.make(existing, atMs, state.version + 1));
            changed = merged.isPresent();
            result = merged.orElseGet(existing::get);
            if (changed) {
                state.version = result.version();
                state.bookmarks.put(id, result);
                durable = commits.submit(List.of(new ListeningWrite.BookmarkSaved(userId, result),
                        new ListeningWrite.VersionSaved(userId, state.version)));
            } else {
                durable = CompletableFuture.completedFuture(null);
            }
        } finally {
            state.lock.unlock();
        }
        try {
            durable.join();
        } catch (CompletionException e) {
            states.evict(userId);
            throw new IllegalStateException("The bookmark could not be saved: " + e.getCause().getMessage(), e.getCause());
        }
        if (changed) {
            hub.publish(userId, new SyncMessage.BookmarkChanged(result), Optional.of(deviceId));
        }
        return result;
    }

    /** The listener's bookmarks (of one book, or all), by position; tombstones too when {@code sinceVersion} is given. */
    public List<Bookmark> list(Principal principal, Optional<String> bookId, Optional<Long> sinceVersion) {
        bookId.ifPresent(id -> books.readable(principal, id));
        UserListening state = states.of(principal.user().id());
        List<Bookmark> all;
        state.lock.lock();
        try {
            all = List.copyOf(state.bookmarks.values());
        } finally {
            state.lock.unlock();
        }
        return all.stream()
                .filter(b -> bookId.map(b.bookId()::equals).orElse(true))
                .filter(b -> sinceVersion.map(v -> b.version() > v).orElse(!b.deleted()))
                .filter(b -> books.isReadable(principal, b.bookId()))
                .sorted(Comparator.comparing(Bookmark::bookId).thenComparingLong(Bookmark::positionMs)).toList();
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ProgressException(ProgressException.Kind.INVALID, "A bookmark id is 1–64 letters, digits, '-' or '_'.");
        }
    }
}
