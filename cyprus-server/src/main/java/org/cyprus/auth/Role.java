package org.cyprus.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do beyond reading the libraries it is given. Admins manage users, libraries, scans and uploads;
 * users listen, keep their progress and manage their own sessions and API keys; guests only listen.
 */
public enum Role {
    ADMIN, USER, GUEST;

    /** The lower-case name used in JSON and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
