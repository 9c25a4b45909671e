package org.cyprus.auth;

/**
 * What a sign-in or a refresh hands a device.
 *
 * @param accessToken        a signed token for the Authorization header (or the session cookie), valid briefly
 * @param accessExpiresAtMs  when it stops working
 * @param refreshToken       an opaque token that gets the next pair, once; valid much longer
 * @param refreshExpiresAtMs when it stops working if unused
 * @param session            the device session both belong to
 */
public record TokenPair(String accessToken, long accessExpiresAtMs, String refreshToken, long refreshExpiresAtMs,
                        DeviceSession session) {
}
