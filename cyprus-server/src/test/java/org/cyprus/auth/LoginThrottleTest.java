package org.cyprus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.cyprus.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aFewFailuresAreFreeThenTheWaitDoubles() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEmpty();
            throttle.failed("ann", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEmpty();
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofSeconds(2));
    }

    @Test
    void theAccountIsThrottledFromAnyAddressAndTheAddressForAnyAccount() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("ann", "10.0.0." + i);
        }
        assertThat(throttle.waitBefore("ann", "192.168.1.1")).isPresent();

        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertThat(throttle.waitBefore("someone-else", "10.9.9.9")).isPresent();
        assertThat(throttle.waitBefore("someone-else", "10.9.9.8")).isEmpty();
    }

    @Test
    void successClearsTheAccountAndTheWaitIsCapped() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("ann", "a");
        }
        assertThat(throttle.waitBefore("ann", "a").orElseThrow()).isLessThanOrEqualTo(LoginThrottle.MAX_DELAY);

        throttle.succeeded("ann", "a");
        assertThat(throttle.waitBefore("ANN ", "b")).isEmpty();
        assertThat(throttle.waitBefore("ann", "a")).as("the address stays throttled").isPresent();
    }

    @Test
    void aValidAccountDoesNotLetAnAddressSprayGuesses() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("victim" + i, "10.6.6.6");
        }
        throttle.succeeded("attacker", "10.6.6.6");

        assertThat(throttle.waitBefore("victim9", "10.6.6.6")).isPresent();
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("ann", "a");
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertThat(throttle.waitBefore("ann", "a")).isEmpty();

        throttle.failed("ann", "a");
        assertThat(throttle.waitBefore("ann", "a")).as("counting starts again").isEmpty();
    }
}
