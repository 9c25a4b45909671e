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
 * Runs before every handler: finds who is asking ({@link Authentication}), enforces the route's {@link Access}, and
 * refuses cookie-authenticated state changes that lack the anti-CSRF header or come from another origin.
 */
public final class RouteGuard {
    /** The header cookie-authenticated clients send on state changes; a cross-site form cannot set it. */
    public static final String CSRF_HEADER = "X-Cyprus-CSRF";
    static final String PRINCIPAL = "cyprus.principal";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Authentication authentication;
    private final AccessPolicy policy;

    public RouteGuard(Credentials credentials, AccessPolicy policy) {
        this.authentication = new Authentication(credentials);
        this.policy = policy;
    }

    /** How this guard finds who is asking, for routes' direct handlers to decide alike. */
    Authentication authentication() {
        return authentication;
    }

    /** Whether {@code principal} may call a route of {@code access} (an absent principal may call public routes only). */
    boolean admits(Access access, Optional<Principal> principal) {
        return switch (access) {
            case PUBLIC -> true;
            case AUTHENTICATED, MEDIA -> principal.isPresent();
            case ADMIN -> principal.isPresent() && policy.canAdminister(principal.get());
        };
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
        return authentication.of(ctx.header("Authorization"), ctx.cookie(AuthCookies.ACCESS),
                access == Access.MEDIA ? ctx.queryParam("t") : null, access, ClientAddress.of(ctx));
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
