package org.cyprus.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.AudioFile;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PersonNames;
import org.cyprus.library.SeriesRef;
import org.cyprus.library.SortKeys;
import org.cyprus.library.scan.BookDraft;
import org.cyprus.library.scan.ScanStore;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;

/** The scanner's storage in SQL: snapshots to compare against, and whole-book saves in one transaction. */
public final class JdbcScanStore implements ScanStore {
    private static final int IN_LIST_CHUNK = 500;

    private final Database database;

    public JdbcScanStore(Database database) {
        this.database = database;
    }

    @Override
    public ScanSnapshot snapshot(long libraryId) {
        return database.read(c -> new ScanSnapshot(
                Sql.query(c, "SELECT pk, id, root_id, folder, signature, missing_since, cover_key, cover_hash FROM books WHERE library_id = ?",
                        rs -> new KnownBook(rs.getLong("pk"), rs.getString("id"), rs.getLong("root_id"), rs.getString("folder"),
                                rs.getString("signature"), Sql.optionalLong(rs, "missing_since").isPresent(),
                                Optional.ofNullable(rs.getString("cover_key")), Optional.ofNullable(rs.getString("cover_hash"))),
                        libraryId),
                Sql.query(c, """
                        SELECT f.id, f.root_id, f.path, f.size_bytes, f.mtime_ms, f.fingerprint, f.book_pk
                        FROM audio_files f JOIN books b ON b.pk = f.book_pk WHERE b.library_id = ?""",
                        rs -> new KnownFile(rs.getString("id"), rs.getLong("root_id"), rs.getString("path"), rs.getLong("size_bytes"),
                                rs.getLong("mtime_ms"), rs.getString("fingerprint"), rs.getLong("book_pk")),
                        libraryId)));
    }

    @Override
    public Map<String, AudioFile> files(Collection<String> fileIds) {
        Map<String, AudioFile> out = new HashMap<>();
        if (fileIds.isEmpty()) {
            return out;
        }
        List<String> ids = List.copyOf(fileIds);
        database.read(c -> {
            for (int i = 0; i < ids.size(); i += IN_LIST_CHUNK) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IN_LIST_CHUNK));
                for (AudioFile f : Sql.query(c, "SELECT * FROM audio_files WHERE id IN (" + Sql.placeholders(chunk.size()) + ")",
                        JdbcScanStore::audioFile, chunk.toArray())) {
                    out.put(f.id(), f);
                }
            }
            return null;
        });
        return out;
    }

    static AudioFile audioFile(ResultSet rs) throws SQLException {
        String errorCode = rs.getString("error_code");
        Optional<AudioFile.FileProblem> problem = errorCode == null ? Optional.empty()
                : Optional.of(new AudioFile.FileProblem(errorCode, rs.getString("error_message")));
        Optional<AudioFacts> facts = problem.isPresent() ? Optional.empty() : Optional.of(new AudioFacts(
                ContainerFormat.valueOf(rs.getString("format")), Codec.valueOf(rs.getString("codec")), rs.getString("codec_detail"),
                rs.getInt("sample_rate_hz"), rs.getInt("channels"), rs.getInt("bitrate_bps"), rs.getLong("duration_us"),
                rs.getLong("gapless_duration_us"), rs.getLong("audio_start"), rs.getLong("audio_end"),
                FactsJson.tags(rs.getString("tags_json")), FactsJson.chapters(rs.getString("chapters_json")),
                FactsJson.cover(rs.getString("cover_json")), FactsJson.strings(rs.getString("warnings_json"))));
        return new AudioFile(rs.getString("id"), rs.getLong("root_id"), rs.getString("path"), rs.getLong("size_bytes"),
                rs.getLong("mtime_ms"), rs.getString("fingerprint"), facts, problem);
    }

    @Override
    public long saveBook(long libraryId, String bookId, BookDraft draft, BookExtras extras, long nowMs) {
        return database.write(c -> {
            BookMetadata m = draft.metadata();
            // A missing book still holding this folder keeps its row (and its listeners' progress) under another name.
            Sql.update(c, "UPDATE books SET folder = folder || ' (missing ' || pk || ')' WHERE root_id = ? AND folder = ? AND id <> ?",
                    draft.rootId(), draft.key(), bookId);
            long pk = Sql.returningLong(c, """
                    INSERT INTO books (id, library_id, root_id, folder, title, sort_title, subtitle, description, year, publisher,
                        language, asin, isbn, duration_us, author_sort, series_sort, cover_hash, cover_key, signature,
                        warnings_json, added_at, updated_at, missing_since)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                    ON CONFLICT (id) DO UPDATE SET library_id = excluded.library_id, root_id = excluded.root_id,
                        folder = excluded.folder, title = excluded.title, sort_title = excluded.sort_title,
                        subtitle = excluded.subtitle, description = excluded.description, year = excluded.year,
                        publisher = excluded.publisher, language = excluded.language, asin = excluded.asin,
                        isbn = excluded.isbn, duration_us = excluded.duration_us, author_sort = excluded.author_sort,
                        series_sort = excluded.series_sort, cover_hash = excluded.cover_hash, cover_key = excluded.cover_key,
                        signature = excluded.signature, warnings_json = excluded.warnings_json,
                        updated_at = excluded.updated_at, missing_since = NULL
                    RETURNING pk""",
                    bookId, libraryId, draft.rootId(), draft.key(), draft.title(), SortKeys.title(draft.title()), m.subtitle(),
                    m.description(), m.year().orElse(null), m.publisher(), m.language(), m.asin(), m.isbn(), draft.durationUs(),
                    SortKeys.authors(m.authors()) + "\u0001" + SortKeys.title(draft.title()),
                    SortKeys.series(m.series()) + "\u0001" + SortKeys.title(draft.title()), extras.coverHash(), extras.coverKey(),
                    extras.signature(), FactsJson.strings(draft.warnings()), nowMs, nowMs);
            replacePeople(c, "book_authors", pk, m.authors());
            replacePeople(c, "book_narrators", pk, m.narrators());
            replaceSeries(c, pk, m.series());
            replaceGenres(c, pk, m.genres());
            replaceChapters(c, pk, draft.chapters());
            replaceFiles(c, pk, draft);
            SearchIndex.put(c, pk, draft.title(), m);
            return pk;
        });
    }

    private static void replacePeople(Connection c, String table, long bookPk, List<String> names) throws SQLException {
        Sql.update(c, "DELETE FROM " + table + " WHERE book_pk = ?", bookPk);
        int position = 0;
        for (String name : names) {
            long personId = Sql.returningLong(c, """
                    INSERT INTO people (name, sort_name) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET sort_name = people.sort_name RETURNING id""",
                    name, SortKeys.person(name));
            Sql.update(c, "INSERT OR IGNORE INTO " + table + " (book_pk, person_id, position) VALUES (?, ?, ?)", bookPk, personId, position++);
        }
    }

    private static void replaceSeries(Connection c, long bookPk, List<SeriesRef> series) throws SQLException {
        Sql.update(c, "DELETE FROM book_series WHERE book_pk = ?", bookPk);
        int position = 0;
        for (SeriesRef s : series) {
            long seriesId = Sql.returningLong(c, """
                    INSERT INTO series (name, sort_name) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET sort_name = series.sort_name RETURNING id""",
                    s.name(), SortKeys.title(s.name()));
            Sql.update(c, "INSERT OR IGNORE INTO book_series (book_pk, series_id, sequence, position) VALUES (?, ?, ?, ?)",
                    bookPk, seriesId, s.sequence(), position++);
        }
    }

    private static void replaceGenres(Connection c, long bookPk, List<String> genres) throws SQLException {
        Sql.update(c, "DELETE FROM book_genres WHERE book_pk = ?", bookPk);
        for (String genre : genres) {
            long genreId = Sql.returningLong(c,
                    "INSERT INTO genres (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = genres.name RETURNING id", genre);
            Sql.update(c, "INSERT OR IGNORE INTO book_genres (book_pk, genre_id) VALUES (?, ?)", bookPk, genreId);
        }
    }

    private static void replaceChapters(Connection c, long bookPk, List<Chapter> chapters) throws SQLException {
        Sql.update(c, "DELETE FROM chapters WHERE book_pk = ?", bookPk);
        int idx = 0;
        for (Chapter ch : chapters) {
            Sql.update(c, "INSERT INTO chapters (book_pk, idx, title, start_us, end_us) VALUES (?, ?, ?, ?, ?)",
                    bookPk, idx++, ch.title(), ch.startUs(), ch.endUs());
        }
    }

    private static void replaceFiles(Connection c, long bookPk, BookDraft draft) throws SQLException {
        Sql.update(c, "DELETE FROM audio_files WHERE book_pk = ?", bookPk);
        List<AudioFile> all = draft.allFiles();
        long startUs = 0;
        int order = 0;
        for (AudioFile f : all) {
            // The file may have belonged to another book, or another (stale) row may hold its path: it is ours now.
            Sql.update(c, "DELETE FROM audio_files WHERE id = ? OR (root_id = ? AND path = ?)", f.id(), f.rootId(), f.path());
            Optional<AudioFacts> facts = f.facts();
            Sql.update(c, """
                    INSERT INTO audio_files (id, book_pk, root_id, path, play_order, start_us, size_bytes, mtime_ms, fingerprint,
                        format, codec, codec_detail, mime_type, sample_rate_hz, channels, bitrate_bps, duration_us,
                        gapless_duration_us, audio_start, audio_end, tags_json, chapters_json, cover_json, warnings_json,
                        error_code, error_message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    f.id(), bookPk, f.rootId(), f.path(), order++, startUs, f.sizeBytes(), f.mtimeMs(), f.fingerprint(),
                    facts.map(x -> x.format().name()), facts.map(x -> x.codec().name()), facts.map(AudioFacts::codecDetail),
                    facts.map(x -> x.format().mimeType()), facts.map(AudioFacts::sampleRateHz), facts.map(AudioFacts::channels),
                    facts.map(AudioFacts::bitrateBps), f.durationUs(), facts.map(AudioFacts::gaplessDurationUs).orElse(0L),
                    facts.map(AudioFacts::audioStartByte), facts.map(AudioFacts::audioEndByte),
                    facts.map(x -> FactsJson.tags(x.tags())).orElse("{}"), facts.map(x -> FactsJson.chapters(x.chapters())).orElse("[]"),
                    facts.flatMap(x -> Optional.ofNullable(FactsJson.cover(x.cover()))),
                    facts.map(x -> FactsJson.strings(x.warnings())).orElse("[]"),
                    f.problem().map(AudioFile.FileProblem::code), f.problem().map(AudioFile.FileProblem::message));
            startUs += f.durationUs();
        }
    }

    @Override
    public void markMissing(Collection<Long> bookPks, long nowMs) {
        List<Long> pks = new ArrayList<>(bookPks);
        database.write(c -> {
            for (int i = 0; i < pks.size(); i += IN_LIST_CHUNK) {
                List<Long> chunk = pks.subList(i, Math.min(pks.size(), i + IN_LIST_CHUNK));
                Object[] params = new Object[chunk.size() + 1];
                params[0] = nowMs;
                for (int j = 0; j < chunk.size(); j++) {
                    params[j + 1] = chunk.get(j);
                }
                Sql.update(c, "UPDATE books SET missing_since = ? WHERE missing_since IS NULL AND pk IN ("
                        + Sql.placeholders(chunk.size()) + ")", params);
            }
            return null;
        });
    }

    /** People as one searchable string. */
    static String joined(List<String> names) {
        return String.join(" ", names) + " " + String.join(" ", names.stream().map(PersonNames::sortName).toList());
    }
}
