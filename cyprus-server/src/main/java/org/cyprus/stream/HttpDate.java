package org.cyprus.stream;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP-date (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three formats, since "recipients of a timestamp
 * value in HTTP-date format MUST accept all three HTTP-date formats".
 */
public final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
    /** {@code Sun, 06 Nov 1994 08:49:37 GMT} */
    private static final Pattern FIXDATE = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) " + MONTH + " (\\d{4}) " + TIME + " GMT");
    /** {@code Sunday, 06-Nov-94 08:49:37 GMT} (obsolete) */
    private static final Pattern RFC850 = Pattern.compile(
            "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-" + MONTH + "-(\\d{2}) " + TIME + " GMT");
    /** {@code Sun Nov  6 08:49:37 1994} (obsolete) */
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + MONTH + " ( \\d|\\d{2}) " + TIME + " (\\d{4})");

    private HttpDate() {
    }

    /** {@code instant} as IMF-fixdate, to the second. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * The instant {@code value} names, or nothing when it is not an HTTP-date (a list of dates, say, or a date that
     * does not exist). {@code now} places two-digit years.
     */
    public static Optional<Instant> parse(String value, Instant now) {
        String v = value.strip();
        Matcher m = FIXDATE.matcher(v);
        if (m.matches()) {
            return at(Integer.parseInt(m.group(3)), m.group(2), m.group(1), m, 4);
        }
        m = RFC850.matcher(v);
        if (m.matches()) {
            return at(fullYear(Integer.parseInt(m.group(3)), now), m.group(2), m.group(1), m, 4);
        }
        m = ASCTIME.matcher(v);
        if (m.matches()) {
            return at(Integer.parseInt(m.group(6)), m.group(1), m.group(2).strip(), m, 3);
        }
        return Optional.empty();
    }

    /**
     * §5.6.7: a two-digit year that "appears to be more than 50 years in the future" is "the most recent year in the
     * past that had the same last two digits".
     */
    static int fullYear(int twoDigits, Instant now) {
        int thisYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        int year = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
        if (year > thisYear + 50) {
            year -= 100;
        } else if (year <= thisYear - 50) {
            year += 100;
        }
        return year;
    }

    private static Optional<Instant> at(int year, String month, String day, Matcher time, int firstTimeGroup) {
        int hour = Integer.parseInt(time.group(firstTimeGroup));
        int minute = Integer.parseInt(time.group(firstTimeGroup + 1));
        int second = Integer.parseInt(time.group(firstTimeGroup + 2));
        if (second == 60) {
            second = 59; // §5.6.7: second = 2DIGIT allows a leap second, which java.time does not.
        }
        try {
            return Optional.of(LocalDateTime.of(year, MONTHS.indexOf(month) + 1, Integer.parseInt(day), hour, minute, second)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
