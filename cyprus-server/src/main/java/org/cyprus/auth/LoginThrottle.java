package org.cyprus.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, per account name and per client address alike (an attacker cannot dodge one by
 * varying the other): a few failures are free, then each further failure doubles the wait before the next attempt
 * is even checked, up to 15 minutes. A success clears the account's record but not the address's (or one valid
 * account would let an address spray guesses over all the others); a record is forgotten after an hour without
 * failures. Memory is bounded: the oldest records are dropped first.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 4;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, long blockedUntilMs, long lastFailureMs) {
    }

    /** How long the caller must wait before an attempt for {@code username} from {@code address} is checked, if at all. */
    public synchronized Optional<Duration> waitBefore(String username, String address) {
        long now = clock.millis();
        long until = Math.max(blockedUntil(userKey(username)), blockedUntil(addressKey(address)));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    public synchronized void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
    }

    public synchronized void succeeded(String username, String address) {
        failures.remove(userKey(username));
    }

    private void record(String key) {
        long now = clock.millis();
        Failures f = failures.get(key);
        int count = f == null || now - f.lastFailureMs() > FORGET_AFTER.toMillis() ? 1 : f.count() + 1;
        long delayMs = 0;
        if (count > FREE_FAILURES) {
            int doublings = Math.min(count - FREE_FAILURES - 1, 20);
            delayMs = Math.min(MAX_DELAY.toMillis(), 1000L << doublings);
        }
        failures.put(key, new Failures(count, now + delayMs, now));
    }

    private long blockedUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.blockedUntilMs();
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
