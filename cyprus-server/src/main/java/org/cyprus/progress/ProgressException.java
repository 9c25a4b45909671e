package org.cyprus.progress;

/** A listening request that cannot be carried out, with the kind of failure the adapters map to a status. */
public final class ProgressException extends RuntimeException {
    /** Kinds of failure. */
    public enum Kind { NOT_FOUND, INVALID, TOO_LARGE, FORBIDDEN }

    private final Kind kind;

    public ProgressException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
