package org.cyprus.auth;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where accounts, device sessions, refresh tokens, API keys and the server's signing secret are kept. */
public interface AuthStore {

    // Users

    long countUsers();

    /** Creates the first administrator, unless any account exists already (atomically); empty if one did. */
    Optional<User> createFirstAdmin(String username, String passwordHash, long nowMs);

    /** Creates an account; empty when the username is taken. */
    Optional<User> createUser(NewUser user, String passwordHash, long nowMs);

    Optional<User> user(long id);

    /**
     * The user as far as it is known without waiting on storage: a cache answers from memory, and empty where it would
     * have to load. A store without such a memory answers empty.
     */
    default Optional<User> userIfRemembered(long id) {
        return Optional.empty();
    }

    /**
     * How many changes were made through this store, when it counts them: a caller that saw the same count before has
     * missed no change made through this server (changes by other servers sharing the database are not counted).
     */
    default OptionalLong changeCount() {
        return OptionalLong.empty();
    }

    /** An account and its password hash, by username (case-insensitive). */
    Optional<StoredUser> userByName(String username);

    List<User> users();

    /** Saves role, flags and library access; empty when there is no such user. */
    Optional<User> updateUser(long id, UserChanges changes, long nowMs);

    boolean deleteUser(long id);

    void setPasswordHash(long userId, String passwordHash, long nowMs);

    /** How many active administrators there are (the last one may not be demoted, disabled or deleted). */
    long countActiveAdmins();

    // Device sessions and refresh tokens

    DeviceSession createSession(long userId, String name, String kind, String userAgent, String address, long nowMs);

    Optional<DeviceSession> session(String sessionId);

    List<DeviceSession> sessions(long userId);

    void touchSession(String sessionId, String address, long nowMs);

    /** Revokes a session (and so its refresh tokens); false if it is not that user's or already gone. */
    boolean revokeSession(long userId, String sessionId, long nowMs);

    int revokeAllSessions(long userId, long nowMs);

    void saveRefreshToken(String tokenHash, String sessionId, long issuedAtMs, long expiresAtMs);

    Optional<RefreshTokenRecord> refreshToken(String tokenHash);

    /** Marks a refresh token used and replaced; false if another request rotated it first. */
    boolean rotateRefreshToken(String tokenHash, String replacedByHash, long nowMs);

    // API keys

    ApiKey createApiKey(long userId, String name, String keyHash, String prefix, long nowMs);

    List<ApiKey> apiKeys(long userId);

    boolean revokeApiKey(long userId, long keyId, long nowMs);

    /** An unrevoked key by its hash, with its owner's id. */
    Optional<ApiKey> apiKeyByHash(String keyHash);

    void touchApiKey(long keyId, long nowMs);

    // The signing secret

    /** The server's signing secret, created (with {@code fresh}) on first use and shared by every node. */
    byte[] signingSecret(byte[] fresh);

    /** An account as stored, with its password hash. */
    record StoredUser(User user, String passwordHash) {
    }

    /** What creating an account needs beside its password. */
    record NewUser(String username, Role role, boolean active, boolean canDownload, LibraryAccess libraries) {
    }

    /** Changes to an account; empty fields stay as they are. */
    record UserChanges(Optional<Role> role, Optional<Boolean> active, Optional<Boolean> canDownload,
                       Optional<LibraryAccess> libraries) {
    }

    /** A stored refresh token. */
    record RefreshTokenRecord(String tokenHash, String sessionId, long issuedAtMs, long expiresAtMs,
                              Optional<Long> rotatedAtMs) {
    }
}
