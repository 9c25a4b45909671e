package org.cyprus.api.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.cyprus.auth.TokenPair;

/**
 * The web client's credentials as HttpOnly cookies, which scripts cannot read: the access token for every request
 * (SameSite=Lax) and the refresh token only for the refresh call (SameSite=Strict, path {@code /api/v1/auth}).
 * Secure whenever the request arrived over HTTPS.
 */
public final class AuthCookies {
    public static final String ACCESS = "cyprus_access";
    static final String REFRESH = "cyprus_refresh";
    private static final String REFRESH_PATH = "/api/v1/auth";

    private AuthCookies() {
    }

    static void set(Context ctx, TokenPair tokens, long nowMs) {
        write(ctx, ACCESS, tokens.accessToken(), "/", (int) ((tokens.accessExpiresAtMs() - nowMs) / 1000), SameSite.LAX);
        write(ctx, REFRESH, tokens.refreshToken(), REFRESH_PATH, (int) ((tokens.refreshExpiresAtMs() - nowMs) / 1000), SameSite.STRICT);
    }

    static void clear(Context ctx) {
        write(ctx, ACCESS, "", "/", 0, SameSite.LAX);
        write(ctx, REFRESH, "", REFRESH_PATH, 0, SameSite.STRICT);
    }

    private static void write(Context ctx, String name, String value, String path, int maxAgeSeconds, SameSite sameSite) {
        boolean secure = ctx.scheme().equals("https");
        ctx.cookie(new Cookie(name, value, path, maxAgeSeconds, secure, true, null, sameSite));
    }
}
