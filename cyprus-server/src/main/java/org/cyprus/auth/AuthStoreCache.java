package org.cyprus.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An {@link AuthStore} that remembers, for a moment, the accounts, device sessions and API keys that requests
 * authenticate with — a player fetching range after range would otherwise ask the database the same two questions
 * for every one. Any change made through this store forgets everything at once, so on this server signing out or
 * disabling takes effect immediately; a change made by another server sharing the database is seen within the
 * time-to-live. Only things that exist are remembered, so nothing new is ever hidden.
 */
public final class AuthStoreCache implements AuthStore {
    private static final int MAX_ENTRIES = 10_000;

    private final AuthStore store;
    private final long ttlNanos;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder changes = new java.util.concurrent.atomic.LongAdder();

    private record Entry(Object value, long expiresAtNanos) {
    }

    private record UserKey(long id) {
    }

    private record SessionKey(String id) {
    }

    private record ApiKeyKey(String hash) {
    }

    public AuthStoreCache(AuthStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> remembered(Object key, Supplier<Optional<T>> load) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of((T) entry.value());
        }
        Optional<T> value = load.get();
        if (value.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(value.get(), now + ttlNanos));
        } else {
            entries.remove(key);
        }
        return value;
    }

    private <T> T changed(T result) {
        changes.increment();
        entries.clear();
        return result;
    }

    @Override
    public OptionalLong changeCount() {
        return OptionalLong.of(changes.sum());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<User> userIfRemembered(long id) {
        Entry entry = entries.get(new UserKey(id));
        return entry != null && System.nanoTime() - entry.expiresAtNanos() < 0 ? Optional.of((User) entry.value()) : Optional.empty();
    }

    @Override
    public Optional<User> user(long id) {
        return remembered(new UserKey(id), () -> store.user(id));
    }

    @Override
    public Optional<DeviceSession> session(String sessionId) {
        return remembered(new SessionKey(sessionId), () -> store.session(sessionId));
    }

    @Override
    public Optional<ApiKey> apiKeyByHash(String keyHash) {
        return remembered(new ApiKeyKey(keyHash), () -> store.apiKeyByHash(keyHash));
    }

    // Changes: passed on, then everything remembered is forgotten.

    @Override
    public Optional<User> createFirstAdmin(String username, String passwordHash, long nowMs) {
        return changed(store.createFirstAdmin(username, passwordHash, nowMs));
    }

    @Override
    public Optional<User> createUser(NewUser user, String passwordHash, long nowMs) {
        return changed(store.createUser(user, passwordHash, nowMs));
    }

    @Override
    public Optional<User> updateUser(long id, UserChanges changes, long nowMs) {
        return changed(store.updateUser(id, changes, nowMs));
    }

    @Override
    public boolean deleteUser(long id) {
        return changed(store.deleteUser(id));
    }

    @Override
    public void setPasswordHash(long userId, String passwordHash, long nowMs) {
        store.setPasswordHash(userId, passwordHash, nowMs);
        entries.clear();
    }

    @Override
    public DeviceSession createSession(long userId, String name, String kind, String userAgent, String address, long nowMs) {
        return changed(store.createSession(userId, name, kind, userAgent, address, nowMs));
    }

    @Override
    public boolean revokeSession(long userId, String sessionId, long nowMs) {
        return changed(store.revokeSession(userId, sessionId, nowMs));
    }

    @Override
    public int revokeAllSessions(long userId, long nowMs) {
        return changed(store.revokeAllSessions(userId, nowMs));
    }

    @Override
    public ApiKey createApiKey(long userId, String name, String keyHash, String prefix, long nowMs) {
        return changed(store.createApiKey(userId, name, keyHash, prefix, nowMs));
    }

    @Override
    public boolean revokeApiKey(long userId, long keyId, long nowMs) {
        return changed(store.revokeApiKey(userId, keyId, nowMs));
    }

    // Everything else goes straight through: reads that are not on every request, and bookkeeping that changes
    // nothing a credential check looks at.

    @Override
    public long countUsers() {
        return store.countUsers();
    }

    @Override
    public Optional<StoredUser> userByName(String username) {
        return store.userByName(username);
    }

    @Override
    public List<User> users() {
        return store.users();
    }

    @Override
    public long countActiveAdmins() {
        return store.countActiveAdmins();
    }

    @Override
    public List<DeviceSession> sessions(long userId) {
        return store.sessions(userId);
    }

    @Override
    public void touchSession(String sessionId, String address, long nowMs) {
        store.touchSession(sessionId, address, nowMs);
    }

    @Override
    public void saveRefreshToken(String tokenHash, String sessionId, long issuedAtMs, long expiresAtMs) {
        store.saveRefreshToken(tokenHash, sessionId, issuedAtMs, expiresAtMs);
    }

    @Override
    public Optional<RefreshTokenRecord> refreshToken(String tokenHash) {
        return store.refreshToken(tokenHash);
    }

    @Override
    public boolean rotateRefreshToken(String tokenHash, String replacedByHash, long nowMs) {
        return store.rotateRefreshToken(tokenHash, replacedByHash, nowMs);
    }

    @Override
    public List<ApiKey> apiKeys(long userId) {
        return store.apiKeys(userId);
    }

    @Override
    public void touchApiKey(long keyId, long nowMs) {
        store.touchApiKey(keyId, nowMs);
    }

    @Override
    public byte[] signingSecret(byte[] fresh) {
        return store.signingSecret(fresh);
    }
}
