package org.cyprus.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented credential into a {@link Principal}, or nothing: an access token (signature, expiry, and a
 * device session that is still signed in, of an account still active — checked on every request, so signing a
 * device out or disabling an account takes effect at once), an API key, or a media capability for one book.
 */
public final class Credentials {
    /** API keys start with this, so they are recognised (and found by secret scanners) at a glance. */
    public static final String API_KEY_PREFIX = "cyk_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AuthStore store;
    private final SignedTokens tokens;
    private final Clock clock;
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    public Credentials(AuthStore store, SignedTokens tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The principal behind an access token (from a bearer header or the session cookie). */
    public Optional<Principal> accessToken(String token, Principal.Method method, String address) {
        Optional<List<String>> fields = tokens.verify(token, SignIn.ACCESS_KIND, 2);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeviceSession> session = store.session(fields.get().get(1)).filter(DeviceSession::active);
        Optional<User> user = session.flatMap(s -> parseId(fields.get().get(0)).filter(id -> id == s.userId()).flatMap(store::user))
                .filter(User::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        touch(session.get().id(), address);
        return Optional.of(new Principal(user.get(), Optional.of(session.get().id()), method, Optional.empty()));
    }

    /** The principal behind an API key. */
    public Optional<Principal> apiKey(String key) {
        if (key == null || !key.startsWith(API_KEY_PREFIX) || key.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> found = store.apiKeyByHash(Secrets.hash(key));
        Optional<User> user = found.flatMap(k -> store.user(k.userId())).filter(User::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (found.get().lastUsedAtMs().map(t -> now - t > TOUCH_EVERY.toMillis()).orElse(true)) {
            store.touchApiKey(found.get().id(), now);
        }
        return Optional.of(new Principal(user.get(), Optional.empty(), Principal.Method.API_KEY, Optional.empty()));
    }

    /** The principal behind a media capability, scoped to the one book it was issued for. */
    public Optional<Principal> mediaCapability(String token) {
        Optional<List<String>> fields = tokens.verify(token, MediaCapabilities.KIND, 2);
        return fields.flatMap(f -> parseId(f.get(0)).flatMap(store::user).filter(User::active)
                .map(u -> new Principal(u, Optional.empty(), Principal.Method.MEDIA_CAPABILITY, Optional.of(f.get(1)))));
    }

    /**
     * As {@link #mediaCapability}, answered from what the store remembers only, for callers that must not wait on
     * storage: empty also when the user would have to be loaded.
     */
    public Optional<Principal> mediaCapabilityIfRemembered(String token) {
        Optional<List<String>> fields = tokens.verify(token, MediaCapabilities.KIND, 2);
        return fields.flatMap(f -> parseId(f.get(0)).flatMap(store::userIfRemembered).filter(User::active)
                .map(u -> new Principal(u, Optional.empty(), Principal.Method.MEDIA_CAPABILITY, Optional.of(f.get(1)))));
    }

    /** Records that a session was used, at most once a minute per session. */
    private void touch(String sessionId, String address) {
        long now = clock.millis();
        Long last = lastTouched.get(sessionId);
        if (last == null || now - last > TOUCH_EVERY.toMillis()) {
            lastTouched.put(sessionId, now);
            store.touchSession(sessionId, address, now);
        }
    }

    private static Optional<Long> parseId(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
