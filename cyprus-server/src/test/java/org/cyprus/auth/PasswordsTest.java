package org.cyprus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void hashesCarryTheirParametersAndVerify() {
        String hash = hasher.hash("a long enough secret");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify("a long enough secret", hash)).isTrue();
        assertThat(hasher.verify("a long enough secreT", hash)).isFalse();
        assertThat(hasher.hash("a long enough secret")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void weakerHashesAskToBeReplacedAndJunkMatchesNothing() {
        String weak = hasher.hash("a long enough secret");

        assertThat(PasswordHasher.DEFAULT.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isFalse();
        assertThat(hasher.verify("anything", "not a hash")).isFalse();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
    }

    @Test
    void rulesRefuseShortCommonAndNameBasedPasswords() {
        assertThat(PasswordRules.problem("ann", "short")).hasValueSatisfying(p -> assertThat(p).contains("8"));
        assertThat(PasswordRules.problem("ann", "Password123")).hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(PasswordRules.problem("ann", "qwertyuiop")).isPresent();
        assertThat(PasswordRules.problem("annabel", "xx-AnnaBel-99")).hasValueSatisfying(p -> assertThat(p).contains("username"));
        assertThat(PasswordRules.problem("ann", "zzzzzzzzzzzz")).isPresent();
        assertThat(PasswordRules.problem("ann", "x".repeat(300))).isPresent();
        assertThat(PasswordRules.problem("ann", "correct horse battery staple")).isEmpty();
        assertThat(PasswordRules.problem("ann", "ünïcödé-Päss")).isEmpty();
    }
}
