package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP-date, RFC 9110 §5.6.7. */
class HttpDateTest {
    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void writesImfFixdateWithTwoDigitDays() {
        assertThat(HttpDate.format(EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(Instant.parse("2026-03-01T00:00:09.999Z"))).isEqualTo("Sun, 01 Mar 2026 00:00:09 GMT");
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("§5.6.7 IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT", Optional.of(EXAMPLE)),
                Arguments.of("§5.6.7 obsolete RFC 850 date", "Sunday, 06-Nov-94 08:49:37 GMT", Optional.of(EXAMPLE)),
                Arguments.of("§5.6.7 obsolete asctime date", "Sun Nov  6 08:49:37 1994", Optional.of(EXAMPLE)),
                Arguments.of("§5.6.7 asctime with a two-digit day", "Thu Nov 19 08:49:37 2026",
                        Optional.of(Instant.parse("2026-11-19T08:49:37Z"))),
                Arguments.of("§5.6.7 RFC 850 year not more than 50 years ahead stays in this century", "Friday, 01-Jan-60 00:00:00 GMT",
                        Optional.of(Instant.parse("2060-01-01T00:00:00Z"))),
                Arguments.of("§5.6.7 RFC 850 year more than 50 years ahead is in the past century", "Sunday, 01-Jan-89 00:00:00 GMT",
                        Optional.of(Instant.parse("1989-01-01T00:00:00Z"))),
                Arguments.of("§5.6.7 a leap second is read", "Wed, 31 Dec 2008 23:59:60 GMT",
                        Optional.of(Instant.parse("2008-12-31T23:59:59Z"))),
                Arguments.of("§5.6.7 HTTP-date is case-sensitive", "sun, 06 nov 1994 08:49:37 gmt", Optional.empty()),
                Arguments.of("§5.6.7 only GMT", "Sun, 06 Nov 1994 08:49:37 UTC", Optional.empty()),
                Arguments.of("a date that does not exist", "Thu, 31 Feb 2026 08:49:37 GMT", Optional.empty()),
                Arguments.of("an hour that does not exist", "Sun, 06 Nov 1994 24:49:37 GMT", Optional.empty()),
                Arguments.of("one-digit day in IMF-fixdate", "Sun, 6 Nov 1994 08:49:37 GMT", Optional.empty()),
                Arguments.of("§13.1.3 a list of dates is not an HTTP-date",
                        "Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT", Optional.empty()),
                Arguments.of("not a date", "yesterday", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dates")
    void readsAllThreeFormats(String clause, String value, Optional<Instant> expected) {
        assertThat(HttpDate.parse(value, NOW)).as(clause).isEqualTo(expected);
    }
}
