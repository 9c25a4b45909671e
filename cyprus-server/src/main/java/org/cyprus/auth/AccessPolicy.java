package org.cyprus.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one place that answers "may this principal do that": every route asks it, for the library, book or file it
 * touches, and every list filters through it. Inactive accounts may do nothing; media capabilities open one book and
 * nothing else.
 */
public final class AccessPolicy {

    /** May read (browse, stream, keep progress in) the library. */
    public boolean canReadLibrary(Principal p, long libraryId) {
        return p.user().active() && p.user().libraries().allows(libraryId) && p.scope().isEmpty();
    }

    /** May read the book, which lies in {@code libraryId}: by library access, or by a capability for exactly this book. */
    public boolean canReadBook(Principal p, long libraryId, String bookId) {
        if (!p.user().active() || !p.user().libraries().allows(libraryId)) {
            return false;
        }
        return p.scope().isEmpty() || p.scope().get().equals(bookId);
    }

    /** The libraries among {@code libraryIds} the principal may read. */
    public Set<Long> readableLibraries(Principal p, Collection<Long> libraryIds) {
        Set<Long> readable = new LinkedHashSet<>();
        for (long id : libraryIds) {
            if (canReadLibrary(p, id)) {
                readable.add(id);
            }
        }
        return readable;
    }

    /** May manage users, libraries, scans and uploads. */
    public boolean canAdminister(Principal p) {
        return p.user().active() && p.user().isAdmin() && p.scope().isEmpty();
    }

    /** May download books to keep (offline listening); streaming needs no such permission. */
    public boolean canDownload(Principal p) {
        return p.user().active() && (p.user().canDownload() || p.user().isAdmin());
    }

    /** May keep listening positions, bookmarks and history. */
    public boolean canKeepProgress(Principal p) {
        return p.user().active() && p.scope().isEmpty();
    }

    /** May change their own password and manage their own API keys (not shared guest accounts). */
    public boolean canManageOwnCredentials(Principal p) {
        return p.user().active() && p.user().role() != Role.GUEST && p.scope().isEmpty();
    }
}
