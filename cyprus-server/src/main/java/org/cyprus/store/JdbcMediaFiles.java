package org.cyprus.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.cyprus.library.AudioFile;
import org.cyprus.library.LibraryException;
import org.cyprus.library.LibraryPaths;
import org.cyprus.library.media.AudioShape;
import org.cyprus.library.media.FileStamp;
import org.cyprus.library.media.MediaFiles;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;

/** {@link MediaFiles} over the library tables. */
public final class JdbcMediaFiles implements MediaFiles {
    private static final String SELECT = """
            SELECT f.id, b.id AS book_id, b.library_id, r.path AS root, f.path, f.size_bytes, f.mtime_ms, f.fingerprint,
                   f.format, f.codec, f.mime_type, f.sample_rate_hz, f.channels, f.audio_start, f.audio_end,
                   f.start_us, f.duration_us, f.error_code, f.error_message
            FROM audio_files f JOIN books b ON b.pk = f.book_pk JOIN library_roots r ON r.id = f.root_id
            """;

    private final Database database;

    public JdbcMediaFiles(Database database) {
        this.database = database;
    }

    @Override
    public Optional<PlayableFile> file(String fileId) {
        return database.read(c -> Sql.one(c, SELECT + "WHERE f.id = ?", JdbcMediaFiles::row, fileId));
    }

    @Override
    public Optional<Long> libraryOf(String bookId) {
        return database.read(c -> Sql.one(c, "SELECT library_id FROM books WHERE id = ?", rs -> rs.getLong(1), bookId));
    }

    @Override
    public List<PlayableFile> ofBook(String bookId) {
        return database.read(c -> Sql.query(c, SELECT + "WHERE b.id = ? ORDER BY f.play_order", JdbcMediaFiles::row, bookId));
    }

    private static PlayableFile row(ResultSet rs) throws SQLException {
        String errorCode = rs.getString("error_code");
        Optional<AudioFile.FileProblem> problem = errorCode == null ? Optional.empty()
                : Optional.of(new AudioFile.FileProblem(errorCode, rs.getString("error_message")));
        Path root = Path.of(rs.getString("root"));
        Path path;
        try {
            // Stored paths came from a scan, but are resolved as carefully as any path from outside.
            path = LibraryPaths.resolveInside(root, rs.getString("path"));
        } catch (LibraryException e) {
            path = root;
            problem = Optional.of(new AudioFile.FileProblem("unsafe_path", e.getMessage()));
        }
        String format = rs.getString("format");
        Optional<AudioShape> audio = format == null ? Optional.empty() : Optional.of(new AudioShape(ContainerFormat.valueOf(format),
                Codec.valueOf(rs.getString("codec")), rs.getString("mime_type"), rs.getInt("sample_rate_hz"), rs.getInt("channels"),
                rs.getLong("audio_start"), rs.getLong("audio_end")));
        return new PlayableFile(rs.getString("id"), rs.getString("book_id"), rs.getLong("library_id"), path,
                new FileStamp(rs.getLong("size_bytes"), rs.getLong("mtime_ms"), rs.getString("fingerprint")), audio,
                rs.getLong("start_us"), rs.getLong("duration_us"), problem);
    }
}
