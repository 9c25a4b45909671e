package org.cyprus.progress;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.Principal;

/**
 * The books listening may touch: a book exists and the caller may read it (through the access policy), or it answers
 * as if it did not exist. Each book's library and duration is remembered for a few seconds, since a playing device
 * reports every few seconds.
 */
public final class ListeningBooks {
    private static final long REMEMBER_NANOS = 5_000_000_000L;

    private record Remembered(Optional<ListenedBook> book, long untilNanos) {
    }

    private final ListeningStore store;
    private final AccessPolicy policy;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    public ListeningBooks(ListeningStore store, AccessPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** The book, when the principal may keep progress in it; otherwise a not-found failure. */
    public ListenedBook readable(Principal principal, String bookId) {
        if (!policy.canKeepProgress(principal)) {
            throw new ProgressException(ProgressException.Kind.FORBIDDEN, "This account may not keep listening progress.");
        }
        return lookup(bookId).filter(b -> policy.canReadBook(principal, b.libraryId(), b.id()))
                .orElseThrow(() -> new ProgressException(ProgressException.Kind.NOT_FOUND, "There is no book " + bookId + "."));
    }

    public boolean isReadable(Principal principal, String bookId) {
        return lookup(bookId).filter(b -> policy.canReadBook(principal, b.libraryId(), b.id())).isPresent();
    }

    private Optional<ListenedBook> lookup(String bookId) {
        long now = System.nanoTime();
        Remembered r = recent.get(bookId);
        if (r == null || now - r.untilNanos() > 0) {
            if (recent.size() > 10_000) {
                recent.clear();
            }
            r = new Remembered(store.book(bookId), now + REMEMBER_NANOS);
            recent.put(bookId, r);
        }
        return r.book();
    }
}
