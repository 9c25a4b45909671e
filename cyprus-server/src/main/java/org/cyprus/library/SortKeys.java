package org.cyprus.library;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How books sort: titles without a leading article, accents or case; people by surname; series by name, then by
 * sequence as a number ({@code 2} before {@code 10}, {@code 0.5} first), books without a series after the rest.
 */
public final class SortKeys {
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|a|an)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+");

    private SortKeys() {
    }

    public static String title(String title) {
        String key = fold(title);
        key = LEADING_PUNCTUATION.matcher(key).replaceFirst("");
        String withoutArticle = LEADING_ARTICLE.matcher(key).replaceFirst("");
        return withoutArticle.isEmpty() ? key : withoutArticle;
    }

    public static String person(String name) {
        return fold(PersonNames.sortName(name));
    }

    /** The key of a book's first author, or empty. */
    public static String authors(List<String> authors) {
        return authors.isEmpty() ? "" : person(authors.getFirst());
    }

    /** The key of a book's first series and its place in it. */
    public static String series(List<SeriesRef> series) {
        if (series.isEmpty()) {
            return "1";
        }
        SeriesRef first = series.getFirst();
        return "0" + fold(first.name()) + "\u0001" + sequenceKey(first.sequence());
    }

    /** A sequence as fixed-width digits so that it sorts as a number. */
    static String sequenceKey(Optional<String> sequence) {
        if (sequence.isEmpty()) {
            return "~";
        }
        try {
            BigDecimal value = new BigDecimal(sequence.get().strip());
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
                return "~" + sequence.get();
            }
            BigDecimal scaled = value.setScale(4, java.math.RoundingMode.HALF_UP);
            String whole = scaled.toBigInteger().toString();
            String fraction = scaled.remainder(BigDecimal.ONE).movePointRight(4).abs().toBigInteger().toString();
            return "0".repeat(10 - whole.length()) + whole + "." + "0".repeat(4 - fraction.length()) + fraction;
        } catch (NumberFormatException e) {
            return "~" + sequence.get();
        }
    }

    /** Lower case without accents: {@code Émile} → {@code emile}. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
