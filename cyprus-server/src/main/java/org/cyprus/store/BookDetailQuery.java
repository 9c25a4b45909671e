package org.cyprus.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.cyprus.library.AudioFile;
import org.cyprus.library.SeriesRef;
import org.cyprus.library.catalog.BookDetail;
import org.cyprus.media.Chapter;

/** Loads one book with its people, series, genres, chapters and files. */
final class BookDetailQuery {
    private BookDetailQuery() {
    }

    static BookDetail load(Connection c, long pk) throws SQLException {
        List<String> authors = Sql.query(c, "SELECT p.name FROM book_authors t JOIN people p ON p.id = t.person_id WHERE t.book_pk = ? ORDER BY t.position",
                rs -> rs.getString(1), pk);
        List<String> narrators = Sql.query(c, "SELECT p.name FROM book_narrators t JOIN people p ON p.id = t.person_id WHERE t.book_pk = ? ORDER BY t.position",
                rs -> rs.getString(1), pk);
        List<SeriesRef> series = Sql.query(c, "SELECT s.name, t.sequence FROM book_series t JOIN series s ON s.id = t.series_id WHERE t.book_pk = ? ORDER BY t.position",
                rs -> SeriesRef.of(rs.getString(1), rs.getString(2)), pk);
        List<String> genres = Sql.query(c, "SELECT g.name FROM book_genres t JOIN genres g ON g.id = t.genre_id WHERE t.book_pk = ? ORDER BY g.name",
                rs -> rs.getString(1), pk);
        List<Chapter> chapters = Sql.query(c, "SELECT title, start_us, end_us FROM chapters WHERE book_pk = ? ORDER BY idx",
                rs -> new Chapter(rs.getString(1), rs.getLong(2), rs.getLong(3)), pk);
        List<BookDetail.BookFile> files = Sql.query(c, """
                SELECT id, path, mime_type, size_bytes, duration_us, start_us, error_code, error_message
                FROM audio_files WHERE book_pk = ? ORDER BY play_order""",
                rs -> {
                    String errorCode = rs.getString("error_code");
                    Optional<AudioFile.FileProblem> problem = errorCode == null ? Optional.empty()
                            : Optional.of(new AudioFile.FileProblem(errorCode, rs.getString("error_message")));
                    return new BookDetail.BookFile(rs.getString("id"), name(rs.getString("path")),
                            Optional.ofNullable(rs.getString("mime_type")).orElse("application/octet-stream"), rs.getLong("size_bytes"),
                            rs.getLong("duration_us"), rs.getLong("start_us"), problem);
                }, pk);
        return Sql.one(c, "SELECT * FROM books WHERE pk = ?", rs -> new BookDetail(rs.getString("id"), rs.getLong("library_id"),
                rs.getString("title"), Optional.ofNullable(rs.getString("subtitle")), authors, narrators, series, genres,
                Sql.optionalLong(rs, "year").map(Long::intValue), Optional.ofNullable(rs.getString("publisher")),
                Optional.ofNullable(rs.getString("language")), Optional.ofNullable(rs.getString("description")),
                Optional.ofNullable(rs.getString("asin")), Optional.ofNullable(rs.getString("isbn")), rs.getLong("duration_us"),
                chapters, files, Optional.ofNullable(rs.getString("cover_hash")), rs.getLong("added_at"), rs.getLong("updated_at"),
                Sql.optionalLong(rs, "missing_since").isPresent(), FactsJson.strings(rs.getString("warnings_json"))), pk).orElseThrow();
    }

    private static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
