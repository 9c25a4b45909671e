package org.cyprus.progress;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-listener fan-out: each connected device subscribes under its account, and a change is handed to every
 * other device of that account at once, on the thread that made the change (subscribers must not block).
 */
public final class SyncHub {
    private final Map<Long, Set<Subscriber>> byUser = new ConcurrentHashMap<>();

    /** A connected device. */
    public interface Subscriber {
        String deviceId();

        /** Hands the message on; must not block. */
        void deliver(SyncMessage message);
    }

    /** Registers {@code subscriber} for {@code userId}'s changes; closing the returned handle removes it. */
    public AutoCloseable subscribe(long userId, Subscriber subscriber) {
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> byUser.computeIfPresent(userId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends {@code message} to every device of {@code userId} except {@code exceptDeviceId}. */
    public void publish(long userId, SyncMessage message, Optional<String> exceptDeviceId) {
        Set<Subscriber> subscribers = byUser.get(userId);
        if (subscribers == null) {
            return;
        }
        for (Subscriber s : subscribers) {
            if (exceptDeviceId.isEmpty() || !exceptDeviceId.get().equals(s.deviceId())) {
                s.deliver(message);
            }
        }
    }

    /** Sends {@code message} to every connected device of every listener (each adapter filters what its listener may see). */
    public void broadcast(SyncMessage message) {
        byUser.values().forEach(set -> set.forEach(s -> s.deliver(message)));
    }

    /** Sends {@code message} to one device of {@code userId}; false when that device is not connected. */
    public boolean sendTo(long userId, String deviceId, SyncMessage message) {
        boolean sent = false;
        for (Subscriber s : byUser.getOrDefault(userId, Set.of())) {
            if (s.deviceId().equals(deviceId)) {
                s.deliver(message);
                sent = true;
            }
        }
        return sent;
    }

    /** The devices of {@code userId} connected now. */
    public Set<String> connectedDevices(long userId) {
        Set<String> ids = new java.util.TreeSet<>();
        byUser.getOrDefault(userId, Set.of()).forEach(s -> ids.add(s.deviceId()));
        return ids;
    }
}
