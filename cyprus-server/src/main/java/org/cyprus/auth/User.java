package org.cyprus.auth;

import java.util.Objects;

/**
 * An account.
 *
 * @param id          internal id
 * @param username    unique, case-insensitively
 * @param role        what it may do
 * @param active      whether it may sign in and be used at all
 * @param canDownload whether it may download books for keeping (streaming needs no permission)
 * @param libraries   which libraries it may read
 * @param createdAtMs when it was created
 */
public record User(long id, String username, Role role, boolean active, boolean canDownload, LibraryAccess libraries,
                   long createdAtMs) {
    public User {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
        Objects.requireNonNull(libraries);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
