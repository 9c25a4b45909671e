-- Listening: each listener's book positions (what every device resumes from), each device's own record of each book,
-- what is known of each device's sequence and clock, the events devices sent (history, and replay detection),
-- listening sessions derived from them, and bookmarks with tombstones. Book ids are not foreign keys: a book that
-- goes missing and comes back keeps its listener's progress. Times are epoch milliseconds on the server's clock.

CREATE TABLE listening_versions (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version INTEGER NOT NULL
) STRICT;

CREATE TABLE book_positions (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id      TEXT    NOT NULL,
    position_ms  INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    device_id    TEXT    NOT NULL,
    activity_at  INTEGER NOT NULL,
    finished     INTEGER NOT NULL,
    finished_at  INTEGER,
    finish_count INTEGER NOT NULL,
    PRIMARY KEY (user_id, book_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE device_positions (
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id        TEXT    NOT NULL,
    book_id          TEXT    NOT NULL,
    position_ms      INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    last_listened_at INTEGER NOT NULL,
    anchor_ms        INTEGER NOT NULL,
    speed            REAL    NOT NULL,
    PRIMARY KEY (user_id, device_id, book_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE device_clocks (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id       TEXT    NOT NULL,
    last_seq        INTEGER NOT NULL,
    last_contact_at INTEGER NOT NULL,
    clock_offset_ms INTEGER,
    PRIMARY KEY (user_id, device_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE listening_events (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id   TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    book_id     TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    position_ms INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    device_time INTEGER,
    verdict     TEXT    NOT NULL,
    UNIQUE (user_id, device_id, seq)
) STRICT;

CREATE TABLE listening_sessions (
    id                TEXT    PRIMARY KEY,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id         TEXT    NOT NULL,
    book_id           TEXT    NOT NULL,
    start_position_ms INTEGER NOT NULL,
    end_position_ms   INTEGER NOT NULL,
    started_at        INTEGER NOT NULL,
    ended_at          INTEGER NOT NULL,
    listened_ms       INTEGER NOT NULL,
    speed             REAL    NOT NULL,
    open              INTEGER NOT NULL
) STRICT;
CREATE INDEX listening_sessions_by_user ON listening_sessions (user_id, ended_at);
CREATE INDEX listening_sessions_open ON listening_sessions (user_id, open) WHERE open = 1;

CREATE TABLE bookmarks (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL,
    book_id     TEXT    NOT NULL,
    position_ms INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    note        TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
) STRICT, WITHOUT ROWID;
