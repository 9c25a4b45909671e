package org.cyprus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cyprus.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SignedTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SignedTokens tokens = new SignedTokens(new byte[32], clock);

    private String token() {
        return tokens.sign("at", List.of("42", "session-x"), clock.millis() + 60_000);
    }

    @Test
    void aTokenVerifiesUntilItExpires() {
        String token = token();
        assertThat(tokens.verify(token, "at", 2)).contains(List.of("42", "session-x"));

        clock.advance(Duration.ofSeconds(60));
        assertThat(tokens.verify(token, "at", 2)).isEmpty();
    }

    @Test
    void anyChangeBreaksIt() {
        String token = token();
        String[] parts = token.split("\\.");
        String otherUser = token.replace(parts[1], java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes()));
        String longerLife = token.replace("." + parts[3] + ".", "." + Long.toString(Long.MAX_VALUE, 36) + ".");
        char last = token.charAt(token.length() - 1);
        String badSignature = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(tokens.verify(otherUser, "at", 2)).isEmpty();
        assertThat(tokens.verify(longerLife, "at", 2)).isEmpty();
        assertThat(tokens.verify(badSignature, "at", 2)).isEmpty();
    }

    @Test
    void oneKindIsNeverAnother() {
        String capability = tokens.sign("mc", List.of("42", "session-x"), clock.millis() + 60_000);
        assertThat(tokens.verify(capability, "mc", 2)).as("verified once, and remembered").isPresent();

        assertThat(tokens.verify(capability, "at", 2)).isEmpty();
        assertThat(tokens.verify(capability, "mc", 3)).as("nor with another shape").isEmpty();
        assertThat(tokens.verify(capability.replaceFirst("^mc", "at"), "at", 2)).isEmpty();
    }

    @Test
    void anotherKeyDoesNotVerifyIt() {
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new SignedTokens(other, clock).verify(token(), "at", 2)).isEmpty();
    }

    @Test
    void junkIsRefusedQuietly() {
        for (String junk : new String[] {null, "", "at", "at....", "at.!!.!!.zz.!!", "x".repeat(5000), "at.a.b.c.d.e.f"}) {
            assertThat(tokens.verify(junk, "at", 2)).as(String.valueOf(junk)).isEmpty();
        }
    }
}
