package org.cyprus.library;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Compares names the way people count: {@code Part 2} before {@code Part 10}, digits compared by value,
 * letters case- and accent-insensitively.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private final Collator collator;

    private NaturalOrder() {
        collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.PRIMARY);
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareDigits(a.substring(i, endA), b.substring(j, endB));
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int endA = textEnd(a, i);
                int endB = textEnd(b, j);
                int byText = collator.compare(a.substring(i, endA), b.substring(j, endB));
                if (byText != 0) {
                    return byText;
                }
                i = endA;
                j = endB;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int textEnd(String s, int from) {
        int end = from;
        while (end < s.length() && !isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int compareDigits(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        int byValue = x.compareTo(y);
        return byValue != 0 ? byValue : Integer.compare(a.length(), b.length());
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
