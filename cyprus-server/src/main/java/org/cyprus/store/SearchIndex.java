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
     * An SQL expression for how well book {@code pkColumn} matches {@code match}: {@code '0'} when its title or
     * subtitle holds every word, {@code '1'} when its people or series do, {@code '2'} otherwise (the description).
     * Its two parameters are added to {@code params}.
     */
    static String relevanceTier(String pkColumn, List<Object> params, String match) {
        params.add("{title subtitle} : (" + match + ")");
        params.add("{authors narrators series} : (" + match + ")");
        return "(CASE WHEN " + pkColumn + " IN (SELECT rowid FROM book_search WHERE book_search MATCH ?) THEN '0' "
                + "WHEN " + pkColumn + " IN (SELECT rowid FROM book_search WHERE book_search MATCH ?) THEN '1' ELSE '2' END)";
    }
}
