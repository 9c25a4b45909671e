package org.cyprus.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory listening state of every listener who has been active since start-up, loaded on first use. */
final class ListenerStates {
    private final ListeningStore store;
    private final Map<Long, UserListening> users = new ConcurrentHashMap<>();

    ListenerStates(ListeningStore store) {
        this.store = store;
    }

    UserListening of(long userId) {
        return users.computeIfAbsent(userId, id -> new UserListening(store.load(id)));
    }

    /** Drops a listener's state after a failed commit; the next use reloads what is on disk. */
    void evict(long userId) {
        users.remove(userId);
    }
}
