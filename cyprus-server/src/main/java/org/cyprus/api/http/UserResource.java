package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyprus.auth.Accounts;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.LibraryAccess;
import org.cyprus.auth.Role;

/** {@code /api/v1/users}: administrators managing accounts. */
final class UserResource {
    private final Accounts accounts;

    UserResource(Accounts accounts) {
        this.accounts = accounts;
    }

    void list(Context ctx) {
        ctx.json(accounts.users().stream().map(AccountDtos.UserDto::of).toList());
    }

    void get(Context ctx) {
        ctx.json(AccountDtos.UserDto.of(accounts.user(QueryParams.pathId(ctx, "id"))));
    }

    void create(Context ctx) {
        AccountDtos.NewUserRequest body = ctx.bodyAsClass(AccountDtos.NewUserRequest.class);
        Role role = body.role() == null ? Role.USER : role(body.role());
        AuthStore.NewUser user = new AuthStore.NewUser(body.username(), role, body.active() == null || body.active(),
                Boolean.TRUE.equals(body.canDownload()), body.libraries() == null ? new LibraryAccess.All() : libraries(body.libraries()));
        ctx.status(201).json(AccountDtos.UserDto.of(accounts.create(user, body.password())));
    }

    void update(Context ctx) {
        AccountDtos.UserPatch body = ctx.bodyAsClass(AccountDtos.UserPatch.class);
        AuthStore.UserChanges changes = new AuthStore.UserChanges(Optional.ofNullable(body.role()).map(UserResource::role),
                Optional.ofNullable(body.active()), Optional.ofNullable(body.canDownload()),
                Optional.ofNullable(body.libraries()).map(UserResource::libraries));
        ctx.json(AccountDtos.UserDto.of(accounts.update(QueryParams.pathId(ctx, "id"), changes)));
    }

    void delete(Context ctx) {
        long id = QueryParams.pathId(ctx, "id");
        if (RouteGuard.principal(ctx).user().id() == id) {
            throw new ApiException(ErrorCode.CONFLICT, "You cannot delete your own account.");
        }
        accounts.delete(id);
        ctx.status(204);
    }

    void resetPassword(Context ctx) {
        accounts.resetPassword(QueryParams.pathId(ctx, "id"), ctx.bodyAsClass(AccountDtos.PasswordReset.class).password());
        ctx.status(204);
    }

    private static Role role(String id) {
        return Role.parse(id).orElseThrow(() -> ApiException.badRequest("'role' must be admin, user or guest."));
    }

    private static LibraryAccess libraries(Object value) {
        if ("all".equals(value)) {
            return new LibraryAccess.All();
        }
        if (value instanceof List<?> list) {
            Set<Long> ids = new HashSet<>();
            for (Object o : list) {
                if (!(o instanceof Number n) || n.longValue() <= 0) {
                    throw ApiException.badRequest("'libraries' is \"all\" or a list of library ids.");
                }
                ids.add(n.longValue());
            }
            return new LibraryAccess.Only(ids);
        }
        throw ApiException.badRequest("'libraries' is \"all\" or a list of library ids.");
    }
}
