package org.cyprus.store;

/** The upserts of {@link JdbcListening}, one per kind of row. */
final class ListeningSql {
    static final String EVENT = """
            INSERT OR IGNORE INTO listening_events (user_id, device_id, seq, book_id, action, position_ms, at, device_time, verdict)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String CLOCK = """
            INSERT INTO device_clocks (user_id, device_id, last_seq, last_contact_at, clock_offset_ms) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, device_id) DO UPDATE SET last_seq = excluded.last_seq,
                last_contact_at = excluded.last_contact_at, clock_offset_ms = excluded.clock_offset_ms""";
    static final String DEVICE = """
            INSERT INTO device_positions (user_id, device_id, book_id, position_ms, state, last_listened_at, anchor_ms, speed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, device_id, book_id) DO UPDATE SET position_ms = excluded.position_ms, state = excluded.state,
                last_listened_at = excluded.last_listened_at, anchor_ms = excluded.anchor_ms, speed = excluded.speed""";
    static final String BOOK = """
            INSERT INTO book_positions (user_id, book_id, position_ms, version, device_id, activity_at, finished, finished_at, finish_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, book_id) DO UPDATE SET position_ms = excluded.position_ms, version = excluded.version,
                device_id = excluded.device_id, activity_at = excluded.activity_at, finished = excluded.finished,
                finished_at = excluded.finished_at, finish_count = excluded.finish_count""";
    static final String SESSION = """
            INSERT INTO listening_sessions (id, user_id, device_id, book_id, start_position_ms, end_position_ms, started_at, ended_at,
                listened_ms, speed, open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET end_position_ms = excluded.end_position_ms, ended_at = excluded.ended_at,
                listened_ms = excluded.listened_ms, speed = excluded.speed, open = excluded.open""";
    static final String BOOKMARK = """
            INSERT INTO bookmarks (user_id, id, book_id, position_ms, title, note, created_at, updated_at, deleted, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, id) DO UPDATE SET position_ms = excluded.position_ms, title = excluded.title, note = excluded.note,
                updated_at = excluded.updated_at, deleted = excluded.deleted, version = excluded.version""";
    static final String VERSION = """
            INSERT INTO listening_versions (user_id, version) VALUES (?, ?)
            ON CONFLICT (user_id) DO UPDATE SET version = excluded.version""";

    private ListeningSql() {
    }
}
