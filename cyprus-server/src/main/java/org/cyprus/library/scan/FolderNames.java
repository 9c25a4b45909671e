package org.cyprus.library.scan;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PersonNames;
import org.cyprus.library.SeriesRef;

/**
 * Metadata from where a book sits: {@code Author/Series/NN - Title}, {@code Author/Title} or {@code Title}, with the
 * title folder's own conventions — a sequence prefix ({@code 01 - }, {@code Book 2 - }, {@code Vol. 3 - },
 * {@code 0.5 - }), a year ({@code 1994 - Title} or {@code (1994)}), a narrator ({@code Title {Narrator}}) and an
 * ASIN ({@code [B0…]}). Deeper paths use their last three folders.
 */
public final class FolderNames {
    private static final Pattern ASIN = Pattern.compile("\\s*\\[(B0[0-9A-Z]{8})]\\s*");
    private static final Pattern NARRATOR = Pattern.compile("\\s*\\{([^}]+)}\\s*");
    private static final Pattern YEAR_IN_PARENS = Pattern.compile("\\s*\\(((?:1[0-9]|2[0-9])\\d\\d)\\)\\s*");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^((?:1[0-9]|2[0-9])\\d\\d)\\s+-\\s+(.+)$");
    private static final Pattern SEQUENCE_PREFIX = Pattern.compile(
            "^(?:(?:book|vol\\.?|volume|part|no\\.?|#)\\s*)?(\\d{1,4}(?:\\.\\d+)?)\\s*(?:-|\\.|:|–)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);

    private FolderNames() {
    }

    /**
     * Metadata for a book at {@code segments} (folders below the library root; for a single file at the root, its
     * name without extension).
     */
    public static BookMetadata parse(List<String> segments) {
        if (segments.isEmpty()) {
            return BookMetadata.EMPTY;
        }
        int n = segments.size();
        BookMetadata.Builder builder = BookMetadata.builder();
        Optional<String> series = n >= 3 ? Optional.of(segments.get(n - 2).strip()) : Optional.empty();
        if (n >= 2) {
            builder.authors(PersonNames.split(segments.get(n >= 3 ? n - 3 : n - 2)));
        }
        TitleFolder title = parseTitleFolder(segments.get(n - 1));
        builder.title(title.title()).year(title.year()).asin(title.asin()).narrators(title.narrators());
        series.filter(s -> !s.isEmpty()).ifPresent(name -> builder.series(List.of(SeriesRef.of(name, title.sequence()))));
        return builder.build();
    }

    /**
     * What a title folder's name says.
     *
     * @param title     the name with every convention removed
     * @param sequence  the sequence prefix, if any
     * @param year      the year, if any
     * @param narrators the narrators in braces
     * @param asin      the ASIN in brackets, if any
     */
    public record TitleFolder(String title, String sequence, Integer year, List<String> narrators, String asin) {
    }

    static TitleFolder parseTitleFolder(String name) {
        String rest = name.strip();
        String asin = null;
        Matcher m = ASIN.matcher(rest);
        if (m.find()) {
            asin = m.group(1);
            rest = (rest.substring(0, m.start()) + " " + rest.substring(m.end())).strip();
        }
        List<String> narrators = List.of();
        m = NARRATOR.matcher(rest);
        if (m.find()) {
            narrators = PersonNames.split(m.group(1));
            rest = (rest.substring(0, m.start()) + " " + rest.substring(m.end())).strip();
        }
        Integer year = null;
        m = YEAR_IN_PARENS.matcher(rest);
        if (m.find()) {
            year = Integer.valueOf(m.group(1));
            rest = (rest.substring(0, m.start()) + " " + rest.substring(m.end())).strip();
        }
        String sequence = null;
        for (int pass = 0; pass < 2; pass++) {
            Matcher y = YEAR_PREFIX.matcher(rest);
            if (year == null && y.matches()) {
                year = Integer.valueOf(y.group(1));
                rest = y.group(2).strip();
                continue;
            }
            Matcher s = SEQUENCE_PREFIX.matcher(rest);
            if (sequence == null && s.matches() && !isYear(s.group(1))) {
                sequence = stripLeadingZeros(s.group(1));
                rest = s.group(2).strip();
            }
        }
        return new TitleFolder(rest.isEmpty() ? name.strip() : rest, sequence, year, narrators, asin);
    }

    private static boolean isYear(String digits) {
        return digits.length() == 4 && !digits.contains(".");
    }

    private static String stripLeadingZeros(String sequence) {
        String s = sequence.replaceFirst("^0+(?=\\d)", "");
        return s.isEmpty() ? "0" : s;
    }
}
