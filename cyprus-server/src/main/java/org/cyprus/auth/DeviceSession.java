package org.cyprus.auth;

import java.util.Optional;

/**
 * One signed-in device: a phone, a browser, a script. Its refresh tokens rotate; revoking it signs the device out.
 *
 * @param id           public id
 * @param userId       the account
 * @param name         what the device calls itself ("Pixel 8", "Firefox on laptop")
 * @param kind         {@code web}, {@code mobile}, {@code desktop} or {@code other}
 * @param userAgent    the User-Agent it signed in with
 * @param createdAtMs  when it signed in
 * @param lastUsedAtMs when it was last seen
 * @param lastAddress  the client address it was last seen from
 * @param revokedAtMs  when it was signed out, if it was
 */
public record DeviceSession(String id, long userId, String name, String kind, String userAgent, long createdAtMs,
                            long lastUsedAtMs, String lastAddress, Optional<Long> revokedAtMs) {
    public boolean active() {
        return revokedAtMs.isEmpty();
    }
}
