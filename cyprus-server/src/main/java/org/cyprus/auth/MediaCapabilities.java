package org.cyprus.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Signed, short-lived URLs for players that cannot send a header ({@code <audio>}, HLS and DASH players, cast
 * devices): a capability names the user and the one book it opens and expires within the hour, so a leaked URL
 * neither lasts nor reaches anything else. The user's library access is checked again on every use.
 */
public final class MediaCapabilities {
    public static final Duration LIFETIME = Duration.ofMinutes(60);
    static final String KIND = "mc";

    private final SignedTokens tokens;
    private final Clock clock;

    public MediaCapabilities(SignedTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A capability for {@code user} to play {@code bookId}. */
    public Capability issue(User user, String bookId) {
        long expires = clock.millis() + LIFETIME.toMillis();
        return new Capability(tokens.sign(KIND, List.of(Long.toString(user.id()), bookId), expires), expires);
    }

    /** A capability token and when it expires. */
    public record Capability(String token, long expiresAtMs) {
    }
}
