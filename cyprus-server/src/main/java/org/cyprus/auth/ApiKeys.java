package org.cyprus.auth;

import java.time.Clock;
import java.util.List;

/** API keys: made by a user for themself, shown once, stored only as a hash, revocable. */
public final class ApiKeys {
    private static final int MAX_KEYS_PER_USER = 50;

    private final AuthStore store;
    private final Clock clock;

    public ApiKeys(AuthStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new key and its one-time plain text. */
    public record NewKey(ApiKey key, String secret) {
    }

    public NewKey create(User user, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw new AuthException(AuthException.Kind.INVALID, "An API key needs a name of 1 to 80 characters.");
        }
        if (store.apiKeys(user.id()).stream().filter(k -> k.revokedAtMs().isEmpty()).count() >= MAX_KEYS_PER_USER) {
            throw new AuthException(AuthException.Kind.CONFLICT, "An account has at most " + MAX_KEYS_PER_USER + " API keys.");
        }
        String secret = Credentials.API_KEY_PREFIX + Secrets.randomToken(32);
        ApiKey key = store.createApiKey(user.id(), clean, Secrets.hash(secret), secret.substring(0, 10), clock.millis());
        return new NewKey(key, secret);
    }

    public List<ApiKey> list(User user) {
        return store.apiKeys(user.id());
    }

    public void revoke(User user, long keyId) {
        if (!store.revokeApiKey(user.id(), keyId, clock.millis())) {
            throw new AuthException(AuthException.Kind.NOT_FOUND, "You have no API key " + keyId + ".");
        }
    }
}
