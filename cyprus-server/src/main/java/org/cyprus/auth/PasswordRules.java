package org.cyprus.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B §5.1.1.2): at least 8 and at most 256 characters, not one of the most
 * common passwords, not the username, not one character repeated. No composition rules: length is what counts.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Why {@code password} is not acceptable for {@code username}, if it is not. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("a password has at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("this password is one of the most common ones; choose another");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("a password must not contain the username");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("a password must not be one character repeated");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        var in = PasswordRules.class.getResourceAsStream("/auth/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("/auth/common-passwords.txt is missing from the jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
