package org.cyprus.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts: the one-time setup of the first administrator, administrators managing users, users changing their own
 * password. The last active administrator cannot be demoted, disabled or deleted, so the server is never left
 * without one.
 */
public final class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");

    private final AuthStore store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Accounts(AuthStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** True until the first administrator exists. */
    public boolean setupRequired() {
        return store.countUsers() == 0;
    }

    /**
     * Creates the first administrator; possible exactly once.
     *
     * @throws AuthException {@code CONFLICT} once any account exists, {@code INVALID} for a bad name or password
     */
    public User setUp(String username, String password) {
        String name = checkedUsername(username);
        checkPassword(name, password);
        if (!setupRequired()) {
            throw new AuthException(AuthException.Kind.CONFLICT, "Setup is complete: this server has its administrator.");
        }
        return store.createFirstAdmin(name, hasher.hash(password), clock.millis())
                .orElseThrow(() -> new AuthException(AuthException.Kind.CONFLICT, "Setup is complete: this server has its administrator."));
    }

    public User create(AuthStore.NewUser user, String password) {
        String name = checkedUsername(user.username());
        checkPassword(name, password);
        return store.createUser(new AuthStore.NewUser(name, user.role(), user.active(), user.canDownload(), user.libraries()),
                        hasher.hash(password), clock.millis())
                .orElseThrow(() -> new AuthException(AuthException.Kind.CONFLICT, "The username '" + name + "' is taken."));
    }

    public List<User> users() {
        return store.users();
    }

    public User user(long id) {
        return store.user(id).orElseThrow(() -> new AuthException(AuthException.Kind.NOT_FOUND, "There is no user " + id + "."));
    }

    public User update(long id, AuthStore.UserChanges changes) {
        User current = user(id);
        boolean losesAdmin = current.isAdmin() && current.active()
                && (changes.role().filter(r -> r != Role.ADMIN).isPresent() || changes.active().filter(a -> !a).isPresent());
        if (losesAdmin && store.countActiveAdmins() <= 1) {
            throw new AuthException(AuthException.Kind.CONFLICT, "This is the last active administrator; make another first.");
        }
        User updated = store.updateUser(id, changes, clock.millis())
                .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_FOUND, "There is no user " + id + "."));
        if (!updated.active()) {
            store.revokeAllSessions(id, clock.millis());
        }
        return updated;
    }

    public void delete(long id) {
        User current = user(id);
        if (current.isAdmin() && current.active() && store.countActiveAdmins() <= 1) {
            throw new AuthException(AuthException.Kind.CONFLICT, "This is the last active administrator; make another first.");
        }
        store.deleteUser(id);
    }

    /** A user's own change: the current password proves it is them; other devices are signed out. */
    public void changePassword(User user, String currentPassword, String newPassword, Optional<String> keepSessionId) {
        AuthStore.StoredUser stored = store.userByName(user.username())
                .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_FOUND, "The account is gone."));
        if (!hasher.verify(currentPassword == null ? "" : currentPassword, stored.passwordHash())) {
            throw new AuthException(AuthException.Kind.FORBIDDEN, "The current password is not right.");
        }
        checkPassword(user.username(), newPassword);
        long now = clock.millis();
        store.setPasswordHash(user.id(), hasher.hash(newPassword), now);
        for (DeviceSession s : store.sessions(user.id())) {
            if (s.active() && keepSessionId.map(k -> !k.equals(s.id())).orElse(true)) {
                store.revokeSession(user.id(), s.id(), now);
            }
        }
    }

    /** An administrator's reset of another account's password; that account is signed out everywhere. */
    public void resetPassword(long userId, String newPassword) {
        User target = user(userId);
        checkPassword(target.username(), newPassword);
        store.setPasswordHash(userId, hasher.hash(newPassword), clock.millis());
        store.revokeAllSessions(userId, clock.millis());
    }

    private static String checkedUsername(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new AuthException(AuthException.Kind.INVALID,
                    "A username has 1 to 64 letters, digits and . _ @ + - characters.");
        }
        return name;
    }

    private static void checkPassword(String username, String password) {
        PasswordRules.problem(username, password).ifPresent(p -> {
            throw new AuthException(AuthException.Kind.INVALID, "Password not accepted: " + p + ".");
        });
    }
}
