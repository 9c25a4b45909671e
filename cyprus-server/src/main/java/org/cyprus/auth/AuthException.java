package org.cyprus.auth;

import java.time.Duration;
import java.util.Optional;

/** An account or sign-in request refused, with how callers should report it. */
public final class AuthException extends RuntimeException {
    private final Kind kind;
    private final Optional<Duration> retryAfter;

    public AuthException(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public AuthException(Kind kind, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#THROTTLED}: when to try again. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** What kind of refusal. */
    public enum Kind { INVALID, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, THROTTLED }
}
