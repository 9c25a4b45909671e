package org.cyprus.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.SeriesRef;

/**
 * The SQLite FTS5 index of books (table {@code book_search}, keyed by the book's pk): what is indexed, and how a
 * query typed by a person becomes a MATCH expression — every word a prefix, all words required, quotes so that no
 * character typed can be read as FTS5 syntax.
 */
final class SearchIndex {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchIndex() {
    }

    static void put(Connection c, long bookPk, String title, BookMetadata m) throws SQLException {
        Sql.update(c, "DELETE FROM book_search WHERE rowid = ?", bookPk);
        Sql.update(c, "INSERT INTO book_search (rowid, title, subtitle, authors, narrators, series, description) VALUES (?, ?, ?, ?, ?, ?, ?)",
                bookPk, title, m.subtitle().orElse(""), JdbcScanStore.joined(m.authors()), String.join(" ", m.narrators()),
                String.join(" ", m.series().stream().map(SeriesRef::name).toList()), m.description().orElse(""));
    }

    /** The MATCH expression for {@code query}, or empty when it holds no word. */
    static java.util.Optional<String> matchExpression(String query) {
        List<String> words = WORD.matcher(query.toLowerCase(Locale.ROOT)).results().map(r -> r.group()).limit(16).toList();
        if (words.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.join(" ", words.stream().map(w -> "\"" + w + "\"*").toList()));
    }

    /**
     * Restricts a query of books {@code b} to relevance tier {@code tier} of {@code match}: 0, the title or subtitle
     * holds every word; 1, not 0, but the people or series do; 2, the others that match (descriptions, or words spread
     * over several fields).
     */
    static void tierCondition(StringBuilder sql, List<Object> params, int tier, String match) {
        String titles = "{title subtitle} : (" + match + ")";
        String people = "{authors narrators series} : (" + match + ")";
        String in = "b.pk IN (SELECT rowid FROM book_search WHERE book_search MATCH ?) ";
        String notIn = "b.pk NOT IN (SELECT rowid FROM book_search WHERE book_search MATCH ?) ";
        switch (tier) {
            case 0 -> {
                sql.append("AND ").append(in);
                params.add(titles);
            }
            case 1 -> {
                sql.append("AND ").append(in).append("AND ").append(notIn);
                params.add(people);
                params.add(titles);
            }
            default -> {
                sql.append("AND ").append(in).append("AND ").append(notIn).append("AND ").append(notIn);
                params.add(match);
                params.add(titles);
                params.add(people);
            }
        }
    }
}
