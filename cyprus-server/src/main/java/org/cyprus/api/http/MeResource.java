package org.cyprus.api.http;

import io.javalin.http.Context;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.Accounts;
import org.cyprus.auth.ApiKeys;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.Principal;

/** {@code /api/v1/me}: the signed-in account, its password, its devices and its API keys. */
final class MeResource {
    private final Accounts accounts;
    private final AuthStore store;
    private final ApiKeys apiKeys;
    private final AccessPolicy policy;
    private final java.time.Clock clock;

    MeResource(Accounts accounts, AuthStore store, ApiKeys apiKeys, AccessPolicy policy, java.time.Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.apiKeys = apiKeys;
        this.policy = policy;
        this.clock = clock;
    }

    void me(Context ctx) {
        ctx.json(AccountDtos.UserDto.of(RouteGuard.principal(ctx).user()));
    }

    void changePassword(Context ctx) {
        Principal p = ownCredentials(ctx);
        AccountDtos.PasswordChange body = ctx.bodyAsClass(AccountDtos.PasswordChange.class);
        accounts.changePassword(p.user(), body.currentPassword(), body.newPassword(), p.sessionId());
        ctx.status(204);
    }

    void sessions(Context ctx) {
        Principal p = RouteGuard.principal(ctx);
        ctx.json(AccountDtos.sessions(store.sessions(p.user().id()), p.sessionId().orElse("")));
    }

    void revokeSession(Context ctx) {
        Principal p = RouteGuard.principal(ctx);
        if (!store.revokeSession(p.user().id(), ctx.pathParam("id"), clock.millis())) {
            throw ApiException.notFound("You have no signed-in device " + ctx.pathParam("id") + ".");
        }
        if (p.sessionId().map(ctx.pathParam("id")::equals).orElse(false)) {
            AuthCookies.clear(ctx);
        }
        ctx.status(204);
    }

    /** Signs out every device of the account, this one included. */
    void revokeAllSessions(Context ctx) {
        store.revokeAllSessions(RouteGuard.principal(ctx).user().id(), clock.millis());
        AuthCookies.clear(ctx);
        ctx.status(204);
    }

    void apiKeys(Context ctx) {
        ctx.json(apiKeys.list(ownCredentials(ctx).user()).stream().map(AccountDtos.ApiKeyDto::of).toList());
    }

    void createApiKey(Context ctx) {
        Principal p = ownCredentials(ctx);
        ApiKeys.NewKey key = apiKeys.create(p.user(), ctx.bodyAsClass(AccountDtos.NewApiKey.class).name());
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(new AccountDtos.CreatedApiKey(AccountDtos.ApiKeyDto.of(key.key()), key.secret()));
    }

    void revokeApiKey(Context ctx) {
        apiKeys.revoke(ownCredentials(ctx).user(), QueryParams.pathId(ctx, "id"));
        ctx.status(204);
    }

    private Principal ownCredentials(Context ctx) {
        Principal p = RouteGuard.principal(ctx);
        if (!policy.canManageOwnCredentials(p)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Guest accounts cannot change passwords or keys.");
        }
        return p;
    }
}
