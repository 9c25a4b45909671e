package org.cyprus.api.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.cyprus.auth.Accounts;
import org.cyprus.auth.AuthException;
import org.cyprus.auth.Principal;
import org.cyprus.auth.SignIn;
import org.cyprus.auth.TokenPair;
import org.cyprus.auth.User;

/** First-run setup and signing in and out: {@code /api/v1/setup}, {@code /api/v1/auth/*}. */
final class AuthResource {
    private final Accounts accounts;
    private final SignIn signIn;
    private final Clock clock;

    AuthResource(Accounts accounts, SignIn signIn, Clock clock) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.clock = clock;
    }

    void setup(Context ctx) {
        AccountDtos.Credentials body = ctx.bodyAsClass(AccountDtos.Credentials.class);
        User admin = accounts.setUp(body.username(), body.password());
        ctx.status(201).json(AccountDtos.UserDto.of(admin));
    }

    void login(Context ctx) {
        AccountDtos.Credentials body = ctx.bodyAsClass(AccountDtos.Credentials.class);
        if (body.username() == null || body.password() == null) {
            throw ApiException.badRequest("Give 'username' and 'password'.");
        }
        TokenPair tokens = signIn.login(body.username(), body.password(), Optional.ofNullable(body.deviceName()), client(ctx));
        User user = accounts.user(tokens.session().userId());
        answer(ctx, tokens, user, Boolean.TRUE.equals(body.useCookie()));
    }

    void refresh(Context ctx) {
        AccountDtos.RefreshRequest body = ctx.body().isBlank() ? new AccountDtos.RefreshRequest(null, null)
                : ctx.bodyAsClass(AccountDtos.RefreshRequest.class);
        String cookie = ctx.cookie(AuthCookies.REFRESH);
        String token = body.refreshToken() != null ? body.refreshToken() : cookie;
        if (token == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Give the refresh token (or send the refresh cookie).");
        }
        TokenPair tokens = signIn.refresh(token, client(ctx));
        answer(ctx, tokens, accounts.user(tokens.session().userId()), body.refreshToken() == null || Boolean.TRUE.equals(body.useCookie()));
    }

    void logout(Context ctx) {
        Principal principal = RouteGuard.principal(ctx);
        principal.sessionId().ifPresent(id -> signIn.logout(principal.user(), id));
        AuthCookies.clear(ctx);
        ctx.status(204);
    }

    private void answer(Context ctx, TokenPair tokens, User user, boolean cookies) {
        ctx.header("Cache-Control", "no-store");
        AccountDtos.SessionDto session = AccountDtos.SessionDto.of(tokens.session(), tokens.session().id());
        if (cookies) {
            AuthCookies.set(ctx, tokens, clock.millis());
            ctx.json(new AccountDtos.SignInDto(null, null, tokens.accessExpiresAtMs(), tokens.refreshExpiresAtMs(), session,
                    AccountDtos.UserDto.of(user)));
        } else {
            ctx.json(new AccountDtos.SignInDto(tokens.accessToken(), tokens.refreshToken(), tokens.accessExpiresAtMs(),
                    tokens.refreshExpiresAtMs(), session, AccountDtos.UserDto.of(user)));
        }
    }

    private static SignIn.Client client(Context ctx) {
        return new SignIn.Client(ClientAddress.of(ctx), ctx.header("User-Agent"));
    }

    /** How an account refusal reads over HTTP (used by the error mapper). */
    static ApiException toApi(AuthException e) {
        return switch (e.kind()) {
            case INVALID -> new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
            case UNAUTHORIZED -> new ApiException(ErrorCode.UNAUTHORIZED, e.getMessage());
            case FORBIDDEN -> new ApiException(ErrorCode.FORBIDDEN, e.getMessage());
            case NOT_FOUND -> new ApiException(ErrorCode.NOT_FOUND, e.getMessage());
            case CONFLICT -> new ApiException(ErrorCode.CONFLICT, e.getMessage());
            case THROTTLED -> new ApiException(ErrorCode.TOO_MANY_REQUESTS, e.getMessage(),
                    Map.of("Retry-After", Long.toString(Math.max(1, (e.retryAfter().orElseThrow().toMillis() + 999) / 1000))));
        };
    }
}
