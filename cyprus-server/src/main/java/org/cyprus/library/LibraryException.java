package org.cyprus.library;

/** A library request that cannot be carried out as asked; the kind tells callers how to report it. */
public final class LibraryException extends RuntimeException {
    private final Kind kind;

    public LibraryException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong. */
    public enum Kind {
        /** No such library, book or folder. */
        NOT_FOUND,
        /** The request conflicts with what exists (a name taken, overlapping roots, a scan already queued). */
        CONFLICT,
        /** The request itself is malformed (a blank name, a path outside the library). */
        INVALID
    }
}
