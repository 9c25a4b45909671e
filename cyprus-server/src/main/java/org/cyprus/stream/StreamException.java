package org.cyprus.stream;

/** Why a book or file cannot be streamed as asked. */
public final class StreamException extends RuntimeException {
    /** What kind of refusal, which the HTTP layer maps to a status. */
    public enum Kind {
        /** No such book or file (or not one the caller may read). */
        NOT_FOUND,
        /** The file was there when scanned and is gone or unreadable now. */
        GONE,
        /** The format cannot be cut frame by frame (FLAC, Opus, …), or the book's parts cannot be joined this way. */
        UNSUPPORTED,
        /** A segment or playlist of a version of the book that no longer exists. */
        STALE,
        /** A request out of range: a start past the end, a segment number that does not exist. */
        INVALID
    }

    private final Kind kind;

    public StreamException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
