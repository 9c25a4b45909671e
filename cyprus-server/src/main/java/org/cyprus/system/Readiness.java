package org.cyprus.system;

/** Whether the server can serve requests: its database is reachable and fully migrated. */
@FunctionalInterface
public interface Readiness {
    boolean ready();
}
