package org.cyprus.auth;

import java.util.Set;

/** Which libraries an account may read: all of them (present and future), or a fixed list. */
public sealed interface LibraryAccess {

    boolean allows(long libraryId);

    /** Every library, including ones created later. */
    record All() implements LibraryAccess {
        @Override
        public boolean allows(long libraryId) {
            return true;
        }
    }

    /** Only these libraries. */
    record Only(Set<Long> libraryIds) implements LibraryAccess {
        public Only {
            libraryIds = Set.copyOf(libraryIds);
        }

        @Override
        public boolean allows(long libraryId) {
            return libraryIds.contains(libraryId);
        }
    }
}
