package org.cyprus.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.Credentials;
import org.cyprus.auth.Principal;

/**
 * Runs before every handler: finds who is asking (an access token or API key in the Authorization header, else the
 * session cookie, else — on media routes only — a media capability in {@code ?t=}), enforces the route's
 * {@link Access}, and refuses cookie-authenticated state changes that lack the anti-CSRF header or come from
 * another origin. Tokens anywhere else in the query string are never looked at.
 */
public final class RouteGuard {
    /** The header cookie-authenticated clients send on state changes; a cross-site form cannot set it. */
    public static final String CSRF_HEADER = "X-Cyprus-CSRF";
    static final String PRINCIPAL = "cyprus.principal";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Credentials credentials;
    private final AccessPolicy policy;

    public RouteGuard(Credentials credentials, AccessPolicy policy) {
        this.credentials = credentials;
        this.policy = policy;
    }

    Handler guard(Route route) {
        Handler handler = route.handler();
        return ctx -> {
            // Public routes never look at credentials: a stale token must not keep anyone from signing in again.
            Optional<Principal> principal = route.access() == Access.PUBLIC ? Optional.empty() : authenticate(ctx, route.access());
            principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
            switch (route.access()) {
                case PUBLIC -> { }
                case AUTHENTICATED, MEDIA -> require(principal);
                case ADMIN -> {
                    require(principal);
                    if (!policy.canAdminister(principal.get())) {
                        throw new ApiException(ErrorCode.FORBIDDEN, "This needs an administrator.");
                    }
                }
            }
            if (principal.isPresent() && principal.get().method() == Principal.Method.COOKIE) {
                checkCsrf(ctx);
            }
            handler.handle(ctx);
        };
    }

    private static void require(Optional<Principal> principal) {
        if (principal.isEmpty()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in first.",
                    java.util.Map.of("WWW-Authenticate", "Bearer realm=\"cyprus\""));
        }
    }

    private Optional<Principal> authenticate(Context ctx, Access access) {
        String address = ClientAddress.of(ctx);
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "Only Bearer credentials are accepted.");
            }
            String token = authorization.substring(7).strip();
            Optional<Principal> principal = token.startsWith(Credentials.API_KEY_PREFIX)
                    ? credentials.apiKey(token) : credentials.accessToken(token, Principal.Method.BEARER, address);
            if (principal.isEmpty()) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "The credentials are not valid (expired, revoked or malformed).",
                        java.util.Map.of("WWW-Authenticate", "Bearer realm=\"cyprus\", error=\"invalid_token\""));
            }
            return principal;
        }
        String cookie = ctx.cookie(AuthCookies.ACCESS);
        if (cookie != null) {
            Optional<Principal> principal = credentials.accessToken(cookie, Principal.Method.COOKIE, address);
            if (principal.isPresent()) {
                return principal;
            }
        }
        if (access == Access.MEDIA) {
            String capability = ctx.queryParam("t");
            if (capability != null) {
                return credentials.mediaCapability(capability);
            }
        }
        return Optional.empty();
    }

    private static void checkCsrf(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name().toUpperCase(Locale.ROOT))) {
            return;
        }
        if (!"1".equals(ctx.header(CSRF_HEADER))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "State changes signed in by cookie need the " + CSRF_HEADER + ": 1 header.");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null")) {
            String originHost;
            try {
                originHost = URI.create(origin).getAuthority();
            } catch (IllegalArgumentException e) {
                originHost = null;
            }
            if (originHost == null || !originHost.equalsIgnoreCase(ctx.host())) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Requests from another origin are refused.");
            }
        }
    }

    /** The principal a guarded route resolved; present on every non-public route. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in first.");
        }
        return p;
    }
}
