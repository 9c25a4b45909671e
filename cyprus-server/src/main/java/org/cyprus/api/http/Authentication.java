package org.cyprus.api.http;

import java.util.Map;
import java.util.Optional;
import org.cyprus.auth.Credentials;
import org.cyprus.auth.Principal;

/**
 * Who is asking, from a request's credentials in this order: an access token or API key in the Authorization header,
 * else the session cookie, else — on media routes only — a media capability in {@code ?t=}. Tokens anywhere else in
 * the query string are never looked at. Framework-neutral, so the {@link RouteGuard} and a route's
 * {@link DirectHandler} decide alike.
 */
final class Authentication {
    private final Credentials credentials;

    Authentication(Credentials credentials) {
        this.credentials = credentials;
    }

    /**
     * The principal behind the first credential present, or empty when there is none (or only an invalid cookie,
     * which a stale browser may keep sending).
     *
     * @param authorization the Authorization field, or null
     * @param accessCookie  the session cookie's value, or null
     * @param capability    the {@code t} query parameter, or null
     * @throws ApiException 401 for an Authorization field that is not a valid Bearer credential
     */
    Optional<Principal> of(String authorization, String accessCookie, String capability, Access access, String address) {
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "Only Bearer credentials are accepted.");
            }
            String token = authorization.substring(7).strip();
            Optional<Principal> principal = token.startsWith(Credentials.API_KEY_PREFIX)
                    ? credentials.apiKey(token) : credentials.accessToken(token, Principal.Method.BEARER, address);
            if (principal.isEmpty()) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "The credentials are not valid (expired, revoked or malformed).",
                        Map.of("WWW-Authenticate", "Bearer realm=\"cyprus\", error=\"invalid_token\""));
            }
            return principal;
        }
        if (accessCookie != null) {
            Optional<Principal> principal = credentials.accessToken(accessCookie, Principal.Method.COOKIE, address);
            if (principal.isPresent()) {
                return principal;
            }
        }
        if (access == Access.MEDIA && capability != null) {
            return credentials.mediaCapability(capability);
        }
        return Optional.empty();
    }

    /** The principal behind a media capability, from what is remembered only (empty where storage would be asked). */
    Optional<Principal> capabilityIfRemembered(String capability) {
        return credentials.mediaCapabilityIfRemembered(capability);
    }
}
