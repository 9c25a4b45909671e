package org.cyprus.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signing devices in and keeping them signed in: a password sign-in opens a device session and hands out a
 * short-lived access token and a refresh token; each refresh rotates the refresh token, and a refresh token used a
 * second time (after a short grace for a response the device never received) is taken as stolen and signs the whole
 * device session out. Failed sign-ins are throttled; the answer never says whether the account exists, and takes
 * the same time whether it does or not.
 */
public final class SignIn {
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(60);
    /** How long a just-rotated refresh token still works, for a device whose response was lost. */
    public static final Duration REUSE_GRACE = Duration.ofSeconds(60);
    static final String ACCESS_KIND = "at";
    private static final String FAILED = "The username or password is not right.";

    private final AuthStore store;
    private final PasswordHasher hasher;
    private final SignedTokens tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String dummyHash;

    public SignIn(AuthStore store, PasswordHasher hasher, SignedTokens tokens, LoginThrottle throttle, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = hasher.hash(Secrets.randomToken(24));
    }

    /** Where a request came from, for sessions and throttling. */
    public record Client(String address, String userAgent) {
    }

    /**
     * Signs in with a password.
     *
     * @throws AuthException {@code THROTTLED} after too many failures, {@code UNAUTHORIZED} for a wrong name or password
     *                       or a disabled account (the same message either way)
     */
    public TokenPair login(String username, String password, Optional<String> deviceName, Client client) {
        Optional<Duration> wait = throttle.waitBefore(username, client.address());
        if (wait.isPresent()) {
            throw new AuthException(AuthException.Kind.THROTTLED, "Too many failed sign-ins; try again later.", wait);
        }
        Optional<AuthStore.StoredUser> stored = username == null || username.length() > 100
                ? Optional.empty() : store.userByName(username.strip());
        // Always pay for one Argon2 verification, so the time taken tells nothing about whether the account exists.
        boolean passwordOk = hasher.verify(password == null ? "" : password, stored.map(AuthStore.StoredUser::passwordHash).orElse(dummyHash));
        if (stored.isEmpty() || !passwordOk || !stored.get().user().active()) {
            throttle.failed(username, client.address());
            throw new AuthException(AuthException.Kind.UNAUTHORIZED, FAILED);
        }
        throttle.succeeded(username, client.address());
        User user = stored.get().user();
        long now = clock.millis();
        if (hasher.needsRehash(stored.get().passwordHash())) {
            store.setPasswordHash(user.id(), hasher.hash(password), now);
        }
        DeviceSession session = store.createSession(user.id(), deviceName.map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.length() > 80 ? n.substring(0, 80) : n).orElse(DeviceNames.describe(client.userAgent())),
                DeviceNames.kind(client.userAgent()), client.userAgent() == null ? "" : truncate(client.userAgent(), 300),
                client.address(), now);
        return issue(user, session, now);
    }

    /**
     * Exchanges a refresh token for a new pair.
     *
     * @throws AuthException {@code UNAUTHORIZED} for an unknown, expired or revoked token — and, for a token used before
     *                       (beyond the grace period), after signing its whole session out
     */
    public TokenPair refresh(String refreshToken, Client client) {
        long now = clock.millis();
        String hash = Secrets.hash(refreshToken == null ? "" : refreshToken);
        AuthStore.RefreshTokenRecord record = store.refreshToken(hash)
                .orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHORIZED, "The refresh token is not valid."));
        DeviceSession session = store.session(record.sessionId()).filter(DeviceSession::active)
                .orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHORIZED, "This device has been signed out."));
        if (record.rotatedAtMs().isPresent() && now - record.rotatedAtMs().get() > REUSE_GRACE.toMillis()) {
            store.revokeSession(session.userId(), session.id(), now);
            throw new AuthException(AuthException.Kind.UNAUTHORIZED,
                    "This refresh token was used before; the device has been signed out to be safe. Sign in again.");
        }
        if (record.expiresAtMs() <= now) {
            throw new AuthException(AuthException.Kind.UNAUTHORIZED, "The refresh token has expired; sign in again.");
        }
        User user = store.user(session.userId()).filter(User::active)
                .orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHORIZED, "The account is disabled."));
        TokenPair next = issue(user, session, now);
        if (record.rotatedAtMs().isEmpty()) {
            // If another request rotated it a moment ago, this is the lost-response case the grace period allows.
            store.rotateRefreshToken(hash, Secrets.hash(next.refreshToken()), now);
        }
        store.touchSession(session.id(), client.address(), now);
        return next;
    }

    /** Signs the device session out. */
    public void logout(User user, String sessionId) {
        store.revokeSession(user.id(), sessionId, clock.millis());
    }

    private TokenPair issue(User user, DeviceSession session, long now) {
        long accessExpires = now + ACCESS_LIFETIME.toMillis();
        String access = tokens.sign(ACCESS_KIND, List.of(Long.toString(user.id()), session.id()), accessExpires);
        String refresh = Secrets.randomToken(32);
        long refreshExpires = now + REFRESH_LIFETIME.toMillis();
        store.saveRefreshToken(Secrets.hash(refresh), session.id(), now, refreshExpires);
        return new TokenPair(access, accessExpires, refresh, refreshExpires, session);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
