package org.cyprus.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, and how they proved it.
 *
 * @param user      the account
 * @param sessionId the device session the credential belongs to (absent for API keys)
 * @param method    how the request was authenticated
 * @param scope     for a media capability, the one book it opens; absent otherwise
 */
public record Principal(User user, Optional<String> sessionId, Method method, Optional<String> scope) {
    public Principal {
        Objects.requireNonNull(user);
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(method);
        Objects.requireNonNull(scope);
    }

    /** How a request proved who it is. */
    public enum Method {
        /** The web client's HttpOnly session cookie (state changes also need the anti-CSRF header). */
        COOKIE,
        /** An access token in the Authorization header. */
        BEARER,
        /** An API key in the Authorization header. */
        API_KEY,
        /** A signed, short-lived media URL scoped to one book. */
        MEDIA_CAPABILITY
    }
}
