package org.cyprus.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code Range} request header field read as RFC 9110 §14.2 defines it:
 * {@code range-unit "=" 1#range-spec} with {@code int-range = first-pos "-" [ last-pos ]} and
 * {@code suffix-range = "-" suffix-length} (§14.1.1, §14.1.2).
 */
public final class RangeHeader {
    private static final String BYTES = "bytes";

    private RangeHeader() {
    }

    /**
     * The byte range-specs of {@code fieldValue}, in the order given; nothing when the field must be ignored — another
     * range unit (§14.2: "MUST ignore a Range header field that contains a range unit it does not understand") or a
     * ranges-specifier that is not valid (§14.1.1, e.g. an int-range whose last-pos is below its first-pos).
     */
    public static Optional<List<RangeSpec>> parse(String fieldValue) {
        String value = fieldValue.strip();
        int equals = value.indexOf('=');
        // §14.1: range units are compared case-insensitively; no whitespace around "=" in the grammar.
        if (equals != BYTES.length() || !value.regionMatches(true, 0, BYTES, 0, BYTES.length())) {
            return Optional.empty();
        }
        List<RangeSpec> specs = new ArrayList<>();
        // §5.6.1: a list element may be empty and is surrounded by optional whitespace.
        for (String element : value.substring(equals + 1).split(",", -1)) {
            String spec = stripOws(element);
            if (spec.isEmpty()) {
                continue;
            }
            Optional<RangeSpec> parsed = spec(spec);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            specs.add(parsed.get());
        }
        return specs.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(specs));
    }

    private static Optional<RangeSpec> spec(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        if (first.isEmpty()) {
            return digits(last).stream().boxed().findFirst().map(RangeSpec.SuffixRange::new);
        }
        OptionalLong firstPos = digits(first);
        if (firstPos.isEmpty()) {
            return Optional.empty();
        }
        if (last.isEmpty()) {
            return Optional.of(new RangeSpec.IntRange(firstPos.getAsLong(), OptionalLong.empty()));
        }
        OptionalLong lastPos = digits(last);
        // §14.1.1: "An int-range is invalid if the last-pos value is present and less than the first-pos."
        if (lastPos.isEmpty() || lastPos.getAsLong() < firstPos.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(new RangeSpec.IntRange(firstPos.getAsLong(), lastPos));
    }

    /**
     * {@code 1*DIGIT} as a number. §14.1.2: recipients "MUST anticipate potentially large decimal numerals and prevent
     * parsing errors due to integer conversion overflows" — a numeral past {@code Long.MAX_VALUE} saturates there, which
     * is past the end of any file, so it reads as what it means rather than as a syntax error.
     */
    static OptionalLong digits(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            int digit = c - '0';
            n = n > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : n * 10 + digit;
        }
        return OptionalLong.of(n);
    }

    private static String stripOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
