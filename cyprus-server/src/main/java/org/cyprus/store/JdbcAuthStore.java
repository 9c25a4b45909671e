package org.cyprus.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyprus.auth.ApiKey;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.DeviceSession;
import org.cyprus.auth.LibraryAccess;
import org.cyprus.auth.Role;
import org.cyprus.auth.User;
import org.cyprus.library.PublicIds;

/** Accounts, device sessions, refresh tokens, API keys and the signing secret in SQL. */
public final class JdbcAuthStore implements AuthStore {
    private static final String USER_COLUMNS = "id, username, role, active, can_download, all_libraries, created_at";

    private final Database database;

    public JdbcAuthStore(Database database) {
        this.database = database;
    }

    @Override
    public long countUsers() {
        return database.read(c -> Sql.returningLong(c, "SELECT count(*) FROM users"));
    }

    @Override
    public Optional<User> createFirstAdmin(String username, String passwordHash, long nowMs) {
        return database.write(c -> {
            int inserted = Sql.update(c, """
                    INSERT INTO users (username, password_hash, role, active, can_download, all_libraries, created_at, updated_at)
                    SELECT ?, ?, 'admin', 1, 1, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM users)""",
                    username, passwordHash, nowMs, nowMs);
            return inserted == 0 ? Optional.empty() : userByName(c, username).map(StoredUser::user);
        });
    }

    @Override
    public Optional<User> createUser(NewUser user, String passwordHash, long nowMs) {
        return database.write(c -> {
            if (userByName(c, user.username()).isPresent()) {
                return Optional.empty();
            }
            long id = Sql.returningLong(c, """
                    INSERT INTO users (username, password_hash, role, active, can_download, all_libraries, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                    user.username(), passwordHash, user.role().id(), user.active(), user.canDownload(),
                    user.libraries() instanceof LibraryAccess.All, nowMs, nowMs);
            saveLibraries(c, id, user.libraries());
            return user(c, id);
        });
    }

    @Override
    public Optional<User> user(long id) {
        return database.read(c -> user(c, id));
    }

    private static Optional<User> user(Connection c, long id) throws SQLException {
        Optional<UserRow> row = Sql.one(c, "SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", JdbcAuthStore::userRow, id);
        return row.isEmpty() ? Optional.empty() : Optional.of(row.get().toUser(libraries(c, id)));
    }

    @Override
    public Optional<StoredUser> userByName(String username) {
        return database.read(c -> userByName(c, username));
    }

    private static Optional<StoredUser> userByName(Connection c, String username) throws SQLException {
        Optional<Object[]> row = Sql.one(c, "SELECT " + USER_COLUMNS + ", password_hash FROM users WHERE username = ?",
                rs -> new Object[] {userRow(rs), rs.getString("password_hash")}, username);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        UserRow user = (UserRow) row.get()[0];
        return Optional.of(new StoredUser(user.toUser(libraries(c, user.id())), (String) row.get()[1]));
    }

    @Override
    public List<User> users() {
        return database.read(c -> {
            List<UserRow> rows = Sql.query(c, "SELECT " + USER_COLUMNS + " FROM users ORDER BY username COLLATE NOCASE", JdbcAuthStore::userRow);
            List<User> out = new java.util.ArrayList<>();
            for (UserRow r : rows) {
                out.add(r.toUser(libraries(c, r.id())));
            }
            return out;
        });
    }

    @Override
    public Optional<User> updateUser(long id, UserChanges changes, long nowMs) {
        return database.write(c -> {
            if (user(c, id).isEmpty()) {
                return Optional.empty();
            }
            changes.role().ifPresent(r -> update(c, "UPDATE users SET role = ? WHERE id = ?", r.id(), id));
            changes.active().ifPresent(a -> update(c, "UPDATE users SET active = ? WHERE id = ?", a, id));
            changes.canDownload().ifPresent(d -> update(c, "UPDATE users SET can_download = ? WHERE id = ?", d, id));
            if (changes.libraries().isPresent()) {
                update(c, "UPDATE users SET all_libraries = ? WHERE id = ?", changes.libraries().get() instanceof LibraryAccess.All, id);
                saveLibraries(c, id, changes.libraries().get());
            }
            Sql.update(c, "UPDATE users SET updated_at = ? WHERE id = ?", nowMs, id);
            return user(c, id);
        });
    }

    private static void update(Connection c, String sql, Object... params) {
        try {
            Sql.update(c, sql, params);
        } catch (SQLException e) {
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean deleteUser(long id) {
        return database.write(c -> Sql.update(c, "DELETE FROM users WHERE id = ?", id) > 0);
    }

    @Override
    public void setPasswordHash(long userId, String passwordHash, long nowMs) {
        database.write(c -> Sql.update(c, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", passwordHash, nowMs, userId));
    }

    @Override
    public long countActiveAdmins() {
        return database.read(c -> Sql.returningLong(c, "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1"));
    }

    @Override
    public DeviceSession createSession(long userId, String name, String kind, String userAgent, String address, long nowMs) {
        String id = PublicIds.next();
        database.write(c -> Sql.update(c, """
                INSERT INTO device_sessions (id, user_id, name, kind, user_agent, created_at, last_used_at, last_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, userId, name, kind, userAgent, nowMs, nowMs, address));
        return session(id).orElseThrow();
    }

    @Override
    public Optional<DeviceSession> session(String sessionId) {
        return database.read(c -> Sql.one(c, "SELECT * FROM device_sessions WHERE id = ?", JdbcAuthStore::sessionRow, sessionId));
    }

    @Override
    public List<DeviceSession> sessions(long userId) {
        return database.read(c -> Sql.query(c, "SELECT * FROM device_sessions WHERE user_id = ? ORDER BY last_used_at DESC",
                JdbcAuthStore::sessionRow, userId));
    }

    @Override
    public void touchSession(String sessionId, String address, long nowMs) {
        database.write(c -> Sql.update(c, "UPDATE device_sessions SET last_used_at = ?, last_address = ? WHERE id = ?",
                nowMs, address, sessionId));
    }

    @Override
    public boolean revokeSession(long userId, String sessionId, long nowMs) {
        return database.write(c -> Sql.update(c,
                "UPDATE device_sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL", nowMs, sessionId, userId) > 0);
    }

    @Override
    public int revokeAllSessions(long userId, long nowMs) {
        return database.write(c -> Sql.update(c, "UPDATE device_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                nowMs, userId));
    }

    @Override
    public void saveRefreshToken(String tokenHash, String sessionId, long issuedAtMs, long expiresAtMs) {
        database.write(c -> Sql.update(c, "INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                tokenHash, sessionId, issuedAtMs, expiresAtMs));
    }

    @Override
    public Optional<RefreshTokenRecord> refreshToken(String tokenHash) {
        return database.read(c -> Sql.one(c, "SELECT * FROM refresh_tokens WHERE token_hash = ?", rs -> new RefreshTokenRecord(
                rs.getString("token_hash"), rs.getString("session_id"), rs.getLong("issued_at"), rs.getLong("expires_at"),
                Sql.optionalLong(rs, "rotated_at")), tokenHash));
    }

    @Override
    public boolean rotateRefreshToken(String tokenHash, String replacedByHash, long nowMs) {
        return database.write(c -> Sql.update(c,
                "UPDATE refresh_tokens SET rotated_at = ?, replaced_by = ? WHERE token_hash = ? AND rotated_at IS NULL",
                nowMs, replacedByHash, tokenHash) > 0);
    }

    @Override
    public ApiKey createApiKey(long userId, String name, String keyHash, String prefix, long nowMs) {
        long id = database.write(c -> Sql.returningLong(c,
                "INSERT INTO api_keys (user_id, name, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                userId, name, keyHash, prefix, nowMs));
        return database.read(c -> Sql.one(c, "SELECT * FROM api_keys WHERE id = ?", JdbcAuthStore::apiKeyRow, id)).orElseThrow();
    }

    @Override
    public List<ApiKey> apiKeys(long userId) {
        return database.read(c -> Sql.query(c, "SELECT * FROM api_keys WHERE user_id = ? ORDER BY created_at DESC, id DESC",
                JdbcAuthStore::apiKeyRow, userId));
    }

    @Override
    public boolean revokeApiKey(long userId, long keyId, long nowMs) {
        return database.write(c -> Sql.update(c, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                nowMs, keyId, userId) > 0);
    }

    @Override
    public Optional<ApiKey> apiKeyByHash(String keyHash) {
        return database.read(c -> Sql.one(c, "SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
                JdbcAuthStore::apiKeyRow, keyHash));
    }

    @Override
    public void touchApiKey(long keyId, long nowMs) {
        database.write(c -> Sql.update(c, "UPDATE api_keys SET last_used_at = ? WHERE id = ?", nowMs, keyId));
    }

    @Override
    public byte[] signingSecret(byte[] fresh) {
        return database.write(c -> {
            Sql.update(c, "INSERT OR IGNORE INTO server_secrets (name, value) VALUES ('token-signing', ?)", (Object) fresh);
            return Sql.one(c, "SELECT value FROM server_secrets WHERE name = 'token-signing'", rs -> rs.getBytes(1)).orElseThrow();
        });
    }

    private record UserRow(long id, String username, Role role, boolean active, boolean canDownload, boolean allLibraries,
                           long createdAtMs) {
        User toUser(Set<Long> libraryIds) {
            return new User(id, username, role, active, canDownload,
                    allLibraries ? new LibraryAccess.All() : new LibraryAccess.Only(libraryIds), createdAtMs);
        }
    }

    private static UserRow userRow(ResultSet rs) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), Role.parse(rs.getString("role")).orElseThrow(),
                rs.getInt("active") == 1, rs.getInt("can_download") == 1, rs.getInt("all_libraries") == 1, rs.getLong("created_at"));
    }

    private static Set<Long> libraries(Connection c, long userId) throws SQLException {
        return new HashSet<>(Sql.query(c, "SELECT library_id FROM user_libraries WHERE user_id = ?", rs -> rs.getLong(1), userId));
    }

    private static void saveLibraries(Connection c, long userId, LibraryAccess access) throws SQLException {
        Sql.update(c, "DELETE FROM user_libraries WHERE user_id = ?", userId);
        if (access instanceof LibraryAccess.Only only) {
            for (long libraryId : only.libraryIds()) {
                Sql.update(c, "INSERT OR IGNORE INTO user_libraries (user_id, library_id) SELECT ?, id FROM libraries WHERE id = ?",
                        userId, libraryId);
            }
        }
    }

    private static DeviceSession sessionRow(ResultSet rs) throws SQLException {
        return new DeviceSession(rs.getString("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("user_agent"), rs.getLong("created_at"), rs.getLong("last_used_at"), rs.getString("last_address"),
                Sql.optionalLong(rs, "revoked_at"));
    }

    private static ApiKey apiKeyRow(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("prefix"),
                rs.getLong("created_at"), Sql.optionalLong(rs, "last_used_at"), Sql.optionalLong(rs, "revoked_at"));
    }
}
