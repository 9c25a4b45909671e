package org.cyprus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cyprus.progress.BookPosition;
import org.cyprus.progress.Bookmark;
import org.cyprus.progress.DeviceClock;
import org.cyprus.progress.DevicePosition;
import org.cyprus.progress.ListenedBook;
import org.cyprus.progress.ListeningSession;
import org.cyprus.progress.ListeningStore;
import org.cyprus.progress.ListeningWrite;
import org.cyprus.progress.PlaybackState;

/**
 * {@link ListeningStore} over the listening tables. A commit is one durable transaction whatever it holds: each kind of
 * row is written through one prepared statement reused for the whole batch.
 */
public final class JdbcListening implements ListeningStore {
    private final Database database;

    /**
     * How long the log of listening events is kept. Positions, sessions and stats, which are derived from it as events
     * arrive, stay for good; replays are recognised by each device's last sequence number, not by the log.
     */
    static final long EVENT_LOG_RETENTION_MS = java.time.Duration.ofDays(90).toMillis();
    private static final long PRUNE_EVERY_MS = java.time.Duration.ofHours(1).toMillis();

    /** When the log was last pruned, on the server's clock as the events say (touched by the committing thread only). */
    private long prunedAtMs;
    /** The upserts, prepared once (used by the committing thread only). */
    private final StatementCache prepared = new StatementCache();

    public JdbcListening(Database database) {
        this.database = database;
    }

    @Override
    public Snapshot load(long userId) {
        return database.read(c -> new Snapshot(
                Sql.one(c, "SELECT version FROM listening_versions WHERE user_id = ?", rs -> rs.getLong(1), userId).orElse(0L),
                Sql.query(c, "SELECT * FROM book_positions WHERE user_id = ?", JdbcListening::book, userId).stream()
                        .collect(Collectors.toMap(BookPosition::bookId, b -> b, (a, b) -> a, LinkedHashMap::new)),
                Sql.query(c, "SELECT * FROM device_positions WHERE user_id = ?", JdbcListening::device, userId),
                Sql.query(c, "SELECT * FROM device_clocks WHERE user_id = ?", rs -> new DeviceClock(rs.getString("device_id"),
                        rs.getLong("last_seq"), rs.getLong("last_contact_at"), Sql.optionalLong(rs, "clock_offset_ms")), userId),
                Sql.query(c, "SELECT * FROM listening_sessions WHERE user_id = ? AND open = 1", JdbcListening::session, userId),
                Sql.query(c, "SELECT * FROM bookmarks WHERE user_id = ?", JdbcListening::bookmark, userId).stream()
                        .collect(Collectors.toMap(Bookmark::id, b -> b, (a, b) -> a, LinkedHashMap::new))));
    }

    @Override
    public Optional<ListenedBook> book(String bookId) {
        return database.read(c -> Sql.one(c, "SELECT id, library_id, duration_us FROM books WHERE id = ?",
                rs -> new ListenedBook(rs.getString(1), rs.getLong(2), rs.getLong(3) / 1000), bookId));
    }

    @Override
    public List<ListeningSession> sessions(long userId, long sinceMs, Optional<String> bookId, int limit) {
        return database.read(c -> Sql.query(c, "SELECT * FROM listening_sessions WHERE user_id = ? AND ended_at >= ?"
                        + (bookId.isPresent() ? " AND book_id = ?" : "") + " ORDER BY ended_at DESC LIMIT ?", JdbcListening::session,
                bookId.isPresent() ? new Object[] {userId, sinceMs, bookId.get(), limit} : new Object[] {userId, sinceMs, limit}));
    }

    @Override
    public void commit(List<ListeningWrite> writes) {
        database.writeDurably(c -> {
            // The statements this commit has batched rows on, in the order first used.
            Map<String, PreparedStatement> statements = new LinkedHashMap<>();
            for (ListeningWrite w : ListeningWrites.coalesced(writes)) {
                write(c, statements, w);
            }
            flush(statements);
            pruneEventLog(c, writes);
            return null;
        });
    }

    private void write(Connection c, Map<String, PreparedStatement> statements, ListeningWrite w) throws SQLException {
        switch (w) {
            case ListeningWrite.EventLogged e -> add(c, statements, ListeningSql.EVENT, e.userId(), e.deviceId(), e.event().seq(),
                    e.event().bookId(), e.event().action().wireName(), e.event().positionMs(), e.atMs(), e.event().deviceTimeMs(),
                    e.verdict().name().toLowerCase(java.util.Locale.ROOT));
            case ListeningWrite.DeviceClockSaved d -> add(c, statements, ListeningSql.CLOCK, d.userId(), d.clock().deviceId(),
                    d.clock().lastSeq(), d.clock().lastContactAtMs(), d.clock().clockOffsetMs());
            case ListeningWrite.DevicePositionSaved d -> {
                DevicePosition p = d.position();
                add(c, statements, ListeningSql.DEVICE, d.userId(), p.deviceId(), p.bookId(), p.positionMs(), p.state().name(),
                        p.lastListenedAtMs(), p.anchorMs(), p.speed());
            }
            case ListeningWrite.BookPositionSaved b -> {
                BookPosition p = b.position();
                add(c, statements, ListeningSql.BOOK, b.userId(), p.bookId(), p.positionMs(), p.version(), p.deviceId(),
                        p.activityAtMs(), p.finished(), p.finishedAtMs(), p.finishCount());
            }
            case ListeningWrite.BookDiscarded d -> {
                flush(statements);
                Sql.update(c, "DELETE FROM book_positions WHERE user_id = ? AND book_id = ?", d.userId(), d.bookId());
                Sql.update(c, "DELETE FROM device_positions WHERE user_id = ? AND book_id = ?", d.userId(), d.bookId());
                Sql.update(c, "UPDATE listening_sessions SET open = 0 WHERE user_id = ? AND book_id = ? AND open = 1", d.userId(), d.bookId());
            }
            case ListeningWrite.SessionSaved s -> {
                ListeningSession x = s.session();
                add(c, statements, ListeningSql.SESSION, x.id(), s.userId(), x.deviceId(), x.bookId(), x.startPositionMs(),
                        x.endPositionMs(), x.startedAtMs(), x.endedAtMs(), x.listenedMs(), x.speed(), x.open());
            }
            case ListeningWrite.BookmarkSaved b -> {
                Bookmark x = b.bookmark();
                add(c, statements, ListeningSql.BOOKMARK, b.userId(), x.id(), x.bookId(), x.positionMs(), x.title(), x.note(),
                        x.createdAtMs(), x.updatedAtMs(), x.deleted(), x.version());
            }
            case ListeningWrite.VersionSaved v -> add(c, statements, ListeningSql.VERSION, v.userId(), v.version());
        }
    }

    /**
     * At most hourly, drops logged events older than the retention. Rows are numbered in the order they were logged,
     * so the old ones are a prefix of the table: found by walking it from the start, deleted by number.
     */
    private void pruneEventLog(Connection c, List<ListeningWrite> writes) throws SQLException {
        long nowMs = writes.stream().filter(w -> w instanceof ListeningWrite.EventLogged)
                .mapToLong(w -> ((ListeningWrite.EventLogged) w).atMs()).max().orElse(0);
        if (nowMs - prunedAtMs < PRUNE_EVERY_MS) {
            return;
        }
        prunedAtMs = nowMs;
        Optional<Long> firstKept = Sql.one(c, "SELECT id FROM listening_events WHERE at >= ? ORDER BY id LIMIT 1",
                rs -> rs.getLong(1), nowMs - EVENT_LOG_RETENTION_MS);
        if (firstKept.isPresent()) {
            Sql.update(c, "DELETE FROM listening_events WHERE id < ?", firstKept.get());
        }
    }

    /** Runs the batched statements so far, so a statement outside the batches sees their rows. */
    private static void flush(Map<String, PreparedStatement> statements) throws SQLException {
        for (PreparedStatement s : statements.values()) {
            s.executeBatch();
        }
    }

    private void add(Connection c, Map<String, PreparedStatement> statements, String sql, Object... params) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = prepared.get(c, sql);
            statements.put(sql, s);
        }
        Sql.bind(s, params);
        s.addBatch();
    }

    private static BookPosition book(ResultSet rs) throws SQLException {
        return new BookPosition(rs.getString("book_id"), rs.getLong("position_ms"), rs.getLong("version"), rs.getString("device_id"),
                rs.getLong("activity_at"), rs.getInt("finished") != 0, Sql.optionalLong(rs, "finished_at"), rs.getInt("finish_count"));
    }

    private static DevicePosition device(ResultSet rs) throws SQLException {
        return new DevicePosition(rs.getString("device_id"), rs.getString("book_id"), rs.getLong("position_ms"),
                PlaybackState.valueOf(rs.getString("state")), rs.getLong("last_listened_at"), rs.getLong("anchor_ms"), rs.getDouble("speed"));
    }

    private static ListeningSession session(ResultSet rs) throws SQLException {
        return new ListeningSession(rs.getString("id"), rs.getString("device_id"), rs.getString("book_id"), rs.getLong("start_position_ms"),
                rs.getLong("end_position_ms"), rs.getLong("started_at"), rs.getLong("ended_at"), rs.getLong("listened_ms"),
                rs.getDouble("speed"), rs.getInt("open") != 0);
    }

    private static Bookmark bookmark(ResultSet rs) throws SQLException {
        return new Bookmark(rs.getString("id"), rs.getString("book_id"), rs.getLong("position_ms"), rs.getString("title"),
                Optional.ofNullable(rs.getString("note")), rs.getLong("created_at"), rs.getLong("updated_at"), rs.getInt("deleted") != 0,
                rs.getLong("version"));
    }
}
