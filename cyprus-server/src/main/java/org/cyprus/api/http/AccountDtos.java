package org.cyprus.api.http;

import java.util.List;
import org.cyprus.auth.ApiKey;
import org.cyprus.auth.DeviceSession;
import org.cyprus.auth.LibraryAccess;
import org.cyprus.auth.User;

/** The JSON shapes of accounts, sessions and keys. Instants are epoch milliseconds. */
final class AccountDtos {
    private AccountDtos() {
    }

    /** {@code libraries} is {@code "all"} or a list of library ids. */
    record UserDto(long id, String username, String role, boolean active, boolean canDownload, Object libraries, long createdAt) {
        static UserDto of(User u) {
            Object libraries = switch (u.libraries()) {
                case LibraryAccess.All all -> "all";
                case LibraryAccess.Only only -> only.libraryIds().stream().sorted().toList();
            };
            return new UserDto(u.id(), u.username(), u.role().id(), u.active(), u.canDownload(), libraries, u.createdAtMs());
        }
    }

    record SessionDto(String id, String name, String kind, long createdAt, long lastUsedAt, String lastAddress,
                      boolean active, boolean current) {
        static SessionDto of(DeviceSession s, String currentId) {
            return new SessionDto(s.id(), s.name(), s.kind(), s.createdAtMs(), s.lastUsedAtMs(), s.lastAddress(), s.active(),
                    s.id().equals(currentId));
        }
    }

    record ApiKeyDto(long id, String name, String prefix, long createdAt, Long lastUsedAt, boolean revoked) {
        static ApiKeyDto of(ApiKey k) {
            return new ApiKeyDto(k.id(), k.name(), k.prefix(), k.createdAtMs(), k.lastUsedAtMs().orElse(null), k.revokedAtMs().isPresent());
        }
    }

    /** A sign-in's answer; the tokens are absent when they were set as cookies. */
    record SignInDto(String accessToken, String refreshToken, long accessExpiresAt, long refreshExpiresAt,
                     SessionDto session, UserDto user) {
    }

    record Credentials(String username, String password, String deviceName, Boolean useCookie) {
    }

    record RefreshRequest(String refreshToken, Boolean useCookie) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record PasswordReset(String password) {
    }

    record NewApiKey(String name) {
    }

    record CreatedApiKey(ApiKeyDto key, String secret) {
    }

    /** An administrator's new account; {@code libraries} is {@code "all"} or a list of ids. */
    record NewUserRequest(String username, String password, String role, Boolean active, Boolean canDownload, Object libraries) {
    }

    record UserPatch(String role, Boolean active, Boolean canDownload, Object libraries) {
    }

    static List<SessionDto> sessions(List<DeviceSession> sessions, String currentId) {
        return sessions.stream().map(s -> SessionDto.of(s, currentId)).toList();
    }
}
