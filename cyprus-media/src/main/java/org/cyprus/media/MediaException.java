package org.cyprus.media;

/** A file that cannot be parsed as it claims to be, with the reason as a {@link MediaError}. */
public final class MediaException extends Exception {
    private final MediaError error;

    public MediaException(MediaError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public MediaException(MediaError error, String message, Throwable cause) {
        super(message, cause, false, false);
        this.error = error;
    }

    public MediaError error() {
        return error;
    }
}
