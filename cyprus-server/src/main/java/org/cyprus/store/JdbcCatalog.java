package org.cyprus.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyprus.library.SeriesRef;
import org.cyprus.library.catalog.BookDetail;
import org.cyprus.library.catalog.BookQuery;
import org.cyprus.library.catalog.BookSort;
import org.cyprus.library.catalog.BookSummary;
import org.cyprus.library.catalog.Catalog;
import org.cyprus.library.catalog.Cursor;
import org.cyprus.library.catalog.Facet;
import org.cyprus.library.catalog.FacetKind;
import org.cyprus.library.catalog.Page;

/** The catalog in SQL: keyset-paginated lists over covering indexes, FTS5 search, batched people and series. */
public final class JdbcCatalog implements Catalog {
    private static final String SUMMARY_COLUMNS =
            "b.pk, b.id, b.library_id, b.title, b.subtitle, b.duration_us, b.cover_hash, b.added_at, b.missing_since";

    private final Database database;

    public JdbcCatalog(Database database) {
        this.database = database;
    }

    @Override
    public Page<BookSummary> books(BookQuery q) {
        Optional<String> match = q.text().flatMap(SearchIndex::matchExpression);
        if (q.text().isPresent() && match.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        return database.read(c -> {
            List<Row> rows = q.sort() == BookSort.RELEVANCE ? relevancePage(c, q, match.orElseThrow()) : sortedPage(c, q, match);
            boolean more = rows.size() > q.limit();
            List<Row> page = more ? rows.subList(0, q.limit()) : rows;
            Map<Long, BookSummary> filled = withPeople(c, page);
            Optional<String> next = more
                    ? Optional.of(new Cursor(q.sort(), page.getLast().sortValue(), page.getLast().pk()).encode())
                    : Optional.empty();
            return new Page<>(page.stream().map(r -> filled.get(r.pk())).toList(), next);
        });
    }

    /** A page in the order of one indexed column, after the cursor by row-value comparison so the index range is used. */
    private static List<Row> sortedPage(Connection c, BookQuery q, Optional<String> match) throws SQLException {
        String column = switch (q.sort()) {
            case TITLE -> "b.sort_title";
            case AUTHOR -> "b.author_sort";
            case ADDED -> "b.added_at";
            case DURATION -> "b.duration_us";
            case SERIES -> "b.series_sort";
            case RELEVANCE -> throw new IllegalArgumentException("relevance is paged by tiers");
        };
        List<Object> params = new ArrayList<>();
        StringBuilder sql = base(q, column, params);
        match.ifPresent(m -> {
            sql.append("AND b.pk IN (SELECT rowid FROM book_search WHERE book_search MATCH ?) ");
            params.add(m);
        });
        if (q.after().isPresent()) {
            sql.append("AND (").append(column).append(", b.pk) ").append(q.descending() ? "<" : ">").append(" (?, ?) ");
            params.add(cursorValue(q.sort(), q.after().get().value()));
            params.add(q.after().get().pk());
        }
        String direction = q.descending() ? " DESC" : " ASC";
        sql.append("ORDER BY ").append(column).append(direction).append(", b.pk").append(direction).append(" LIMIT ?");
        params.add(q.limit() + 1);
        return Sql.query(c, sql.toString(), rs -> new Row(rs.getLong("pk"), summary(rs), sortValue(q.sort(), rs)), params.toArray());
    }

    /**
     * A page of search results by relevance: books whose title or subtitle matches every word first, then those whose
     * people or series do, then the rest (descriptions), each tier in title order. Each tier is one query walking the
     * title index, and later tiers are only asked when the page is not yet full — so typing a first letter stays fast.
     * Unlike bm25, the order of existing books does not change as books are added, so cursors stay valid.
     */
    private static List<Row> relevancePage(Connection c, BookQuery q, String match) throws SQLException {
        List<Row> rows = new ArrayList<>();
        int firstTier = 0;
        String afterTitle = null;
        if (q.after().isPresent()) {
            String[] parts = q.after().get().value().split("\u0001", 2);
            if (parts.length != 2 || !parts[0].matches("[012]")) {
                throw new IllegalArgumentException("cursor does not fit its sort");
            }
            firstTier = q.descending() ? 2 - Integer.parseInt(parts[0]) : Integer.parseInt(parts[0]);
            afterTitle = parts[1];
        }
        for (int step = firstTier; step <= 2 && rows.size() <= q.limit(); step++) {
            int tier = q.descending() ? 2 - step : step;
            List<Object> params = new ArrayList<>();
            StringBuilder sql = base(q, "'" + tier + "' || char(1) || b.sort_title", params);
            SearchIndex.tierCondition(sql, params, tier, match);
            if (step == firstTier && q.after().isPresent()) {
                sql.append("AND (b.sort_title, b.pk) ").append(q.descending() ? "<" : ">").append(" (?, ?) ");
                params.add(afterTitle);
                params.add(q.after().get().pk());
            }
            String direction = q.descending() ? " DESC" : " ASC";
            sql.append("ORDER BY b.sort_title").append(direction).append(", b.pk").append(direction).append(" LIMIT ?");
            params.add(q.limit() + 1 - rows.size());
            rows.addAll(Sql.query(c, sql.toString(), rs -> new Row(rs.getLong("pk"), summary(rs), rs.getString("sort_value")),
                    params.toArray()));
        }
        return rows;
    }

    /** {@code SELECT … FROM books b [filters] WHERE b.library_id = ? }, with {@code sortValue} as {@code sort_value}. */
    private static StringBuilder base(BookQuery q, String sortValue, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS).append(", ").append(sortValue)
                .append(" AS sort_value FROM books b ");
        filter(sql, params, "book_authors", "person_id", q.authorId());
        filter(sql, params, "book_narrators", "person_id", q.narratorId());
        filter(sql, params, "book_series", "series_id", q.seriesId());
        filter(sql, params, "book_genres", "genre_id", q.genreId());
        sql.append("WHERE b.library_id = ? ");
        params.add(q.libraryId());
        return sql;
    }

    private record Row(long pk, BookSummary summary, String sortValue) {
    }

    private static void filter(StringBuilder sql, List<Object> params, String table, String column, Optional<Long> id) {
        if (id.isPresent()) {
            String alias = "f_" + table;
            sql.append("JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias).append(".book_pk = b.pk AND ")
                    .append(alias).append('.').append(column).append(" = ? ");
            params.add(id.get());
        }
    }

    private static Object cursorValue(BookSort sort, String value) {
        try {
            return switch (sort) {
                case ADDED, DURATION -> Long.parseLong(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor does not fit its sort", e);
        }
    }

    private static String sortValue(BookSort sort, ResultSet rs) throws SQLException {
        return switch (sort) {
            case ADDED, DURATION -> Long.toString(rs.getLong("sort_value"));
            default -> rs.getString("sort_value");
        };
    }

    private static BookSummary summary(ResultSet rs) throws SQLException {
        return new BookSummary(rs.getString("id"), rs.getLong("library_id"), rs.getString("title"),
                Optional.ofNullable(rs.getString("subtitle")), List.of(), List.of(), List.of(), rs.getLong("duration_us"),
                Optional.ofNullable(rs.getString("cover_hash")), rs.getLong("added_at"),
                Sql.optionalLong(rs, "missing_since").isPresent());
    }

    /** Fills in the people and series of a page of books with three queries, not three per book. */
    private static Map<Long, BookSummary> withPeople(Connection c, List<Row> rows) throws SQLException {
        Map<Long, BookSummary> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<Long> pks = rows.stream().map(Row::pk).toList();
        Map<Long, List<String>> authors = people(c, "book_authors", pks);
        Map<Long, List<String>> narrators = people(c, "book_narrators", pks);
        Map<Long, List<SeriesRef>> series = series(c, pks);
        for (Row r : rows) {
            BookSummary s = r.summary();
            out.put(r.pk(), new BookSummary(s.id(), s.libraryId(), s.title(), s.subtitle(), authors.getOrDefault(r.pk(), List.of()),
                    narrators.getOrDefault(r.pk(), List.of()), series.getOrDefault(r.pk(), List.of()), s.durationUs(),
                    s.coverHash(), s.addedAtMs(), s.missing()));
        }
        return out;
    }

    private static Map<Long, List<String>> people(Connection c, String table, List<Long> pks) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        for (Object[] pair : Sql.query(c, "SELECT t.book_pk, p.name FROM " + table + " t JOIN people p ON p.id = t.person_id WHERE t.book_pk IN ("
                + Sql.placeholders(pks.size()) + ") ORDER BY t.book_pk, t.position", rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                pks.toArray())) {
            out.computeIfAbsent((Long) pair[0], k -> new ArrayList<>()).add((String) pair[1]);
        }
        return out;
    }

    private static Map<Long, List<SeriesRef>> series(Connection c, List<Long> pks) throws SQLException {
        Map<Long, List<SeriesRef>> out = new HashMap<>();
        for (Object[] row : Sql.query(c, "SELECT t.book_pk, s.name, t.sequence FROM book_series t JOIN series s ON s.id = t.series_id WHERE t.book_pk IN ("
                + Sql.placeholders(pks.size()) + ") ORDER BY t.book_pk, t.position", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)},
                pks.toArray())) {
            out.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(SeriesRef.of((String) row[1], (String) row[2]));
        }
        return out;
    }

    @Override
    public Optional<BookDetail> book(String bookId) {
        return database.read(c -> {
            Optional<Long> pk = Sql.one(c, "SELECT pk FROM books WHERE id = ?", rs -> rs.getLong(1), bookId);
            if (pk.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(BookDetailQuery.load(c, pk.get()));
        });
    }

    @Override
    public List<Facet> facets(FacetKind kind, Set<Long> libraryIds, Optional<String> namePrefix, int limit) {
        if (libraryIds.isEmpty()) {
            return List.of();
        }
        String join = switch (kind) {
            case AUTHORS -> "people v JOIN book_authors t ON t.person_id = v.id";
            case NARRATORS -> "people v JOIN book_narrators t ON t.person_id = v.id";
            case SERIES -> "series v JOIN book_series t ON t.series_id = v.id";
            case GENRES -> "genres v JOIN book_genres t ON t.genre_id = v.id";
        };
        List<Object> params = new ArrayList<>(libraryIds);
        String prefix = "";
        if (namePrefix.isPresent() && !namePrefix.get().isBlank()) {
            prefix = "AND v.name LIKE ? ESCAPE '\\' ";
            params.add(namePrefix.get().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        params.add(limit);
        String sql = "SELECT v.id, v.name, count(*) AS books FROM " + join + " JOIN books b ON b.pk = t.book_pk "
                + "WHERE b.missing_since IS NULL AND b.library_id IN (" + Sql.placeholders(libraryIds.size()) + ") " + prefix
                + "GROUP BY v.id ORDER BY books DESC, v.name COLLATE NOCASE LIMIT ?";
        return database.read(c -> Sql.query(c, sql, rs -> new Facet(rs.getLong(1), rs.getString(2), rs.getLong(3)), params.toArray()));
    }

    @Override
    public Map<Long, Long> bookCounts() {
        return database.read(c -> {
            Map<Long, Long> out = new HashMap<>();
            Sql.query(c, "SELECT library_id, count(*) FROM books WHERE missing_since IS NULL GROUP BY library_id",
                    rs -> out.put(rs.getLong(1), rs.getLong(2)));
            return out;
        });
    }
}
