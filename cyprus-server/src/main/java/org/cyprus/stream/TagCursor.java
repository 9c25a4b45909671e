package org.cyprus.stream;

import java.util.Optional;

/** Reads entity tags one at a time from a field value (RFC 9110 §8.8.3). */
final class TagCursor {
    private final String s;
    private int i;

    TagCursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return i >= s.length();
    }

    boolean at(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    void skipOws() {
        while (at(' ') || at('\t')) {
            i++;
        }
    }

    void skipListSeparators() {
        while (at(' ') || at('\t') || at(',')) {
            i++;
        }
    }

    /** {@code [ weak ] opaque-tag} at the cursor; {@code weak = %s"W/"} is case-sensitive (§8.8.3). */
    Optional<EntityTag> tag() {
        boolean weak = s.startsWith("W/", i);
        int open = weak ? i + 2 : i;
        if (open >= s.length() || s.charAt(open) != '"') {
            return Optional.empty();
        }
        int close = open + 1;
        while (close < s.length() && s.charAt(close) != '"') {
            if (!EntityTag.isEtagc(s.charAt(close))) {
                return Optional.empty();
            }
            close++;
        }
        if (close >= s.length()) {
            return Optional.empty();
        }
        i = close + 1;
        return Optional.of(new EntityTag(s.substring(open + 1, close), weak));
    }
}
