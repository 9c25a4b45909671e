package org.cyprus.progress;

import java.util.Optional;

/**
 * Merges an edit into a bookmark, per bookmark: the later change (server clock) wins, a deletion included, and a tie
 * keeps what is stored, so replaying an edit changes nothing.
 */
public final class BookmarkMerge {
    private BookmarkMerge() {
    }

    /** The bookmark to keep, or empty when the stored one stays as it is. */
    public static Optional<Bookmark> merge(Optional<Bookmark> stored, Bookmark edit) {
        if (stored.isEmpty()) {
            return Optional.of(edit);
        }
        Bookmark current = stored.get();
        if (edit.updatedAtMs() <= current.updatedAtMs()) {
            return Optional.empty();
        }
        return Optional.of(new Bookmark(current.id(), current.bookId(), edit.positionMs(), edit.title(), edit.note(),
                current.createdAtMs(), edit.updatedAtMs(), edit.deleted(), edit.version()));
    }
}
