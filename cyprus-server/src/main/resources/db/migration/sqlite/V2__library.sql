-- Libraries, books and their files. Books and files carry a stable public id (TEXT) and an internal integer key
-- (pk) that joins and the full-text index use.

CREATE TABLE libraries (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE library_roots (
    id         INTEGER PRIMARY KEY,
    library_id INTEGER NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
    path       TEXT    NOT NULL UNIQUE
) STRICT;
CREATE INDEX library_roots_by_library ON library_roots (library_id);

CREATE TABLE books (
    pk            INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    library_id    INTEGER NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
    root_id       INTEGER NOT NULL REFERENCES library_roots (id) ON DELETE CASCADE,
    folder        TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    sort_title    TEXT    NOT NULL,
    subtitle      TEXT,
    description   TEXT,
    year          INTEGER,
    publisher     TEXT,
    language      TEXT,
    asin          TEXT,
    isbn          TEXT,
    duration_us   INTEGER NOT NULL,
    author_sort   TEXT    NOT NULL,
    series_sort   TEXT    NOT NULL,
    cover_hash    TEXT,
    cover_key     TEXT,
    signature     TEXT    NOT NULL,
    warnings_json TEXT    NOT NULL DEFAULT '[]',
    added_at      INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    missing_since INTEGER,
    UNIQUE (root_id, folder)
) STRICT;
CREATE INDEX books_by_title    ON books (library_id, sort_title, pk);
CREATE INDEX books_by_author   ON books (library_id, author_sort, pk);
CREATE INDEX books_by_added    ON books (library_id, added_at, pk);
CREATE INDEX books_by_duration ON books (library_id, duration_us, pk);
CREATE INDEX books_by_series   ON books (library_id, series_sort, pk);

CREATE TABLE people (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    sort_name TEXT    NOT NULL
) STRICT;

CREATE TABLE book_authors (
    book_pk   INTEGER NOT NULL REFERENCES books (pk) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (book_pk, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX book_authors_by_person ON book_authors (person_id, book_pk);

CREATE TABLE book_narrators (
    book_pk   INTEGER NOT NULL REFERENCES books (pk) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (book_pk, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX book_narrators_by_person ON book_narrators (person_id, book_pk);

CREATE TABLE series (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    sort_name TEXT    NOT NULL
) STRICT;

CREATE TABLE book_series (
    book_pk   INTEGER NOT NULL REFERENCES books (pk) ON DELETE CASCADE,
    series_id INTEGER NOT NULL REFERENCES series (id),
    sequence  TEXT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (book_pk, series_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX book_series_by_series ON book_series (series_id, book_pk);

CREATE TABLE genres (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL COLLATE NOCASE UNIQUE
) STRICT;

CREATE TABLE book_genres (
    book_pk  INTEGER NOT NULL REFERENCES books (pk) ON DELETE CASCADE,
    genre_id INTEGER NOT NULL REFERENCES genres (id),
    PRIMARY KEY (book_pk, genre_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX book_genres_by_genre ON book_genres (genre_id, book_pk);

CREATE TABLE chapters (
    book_pk  INTEGER NOT NULL REFERENCES books (pk) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    title    TEXT    NOT NULL,
    start_us INTEGER NOT NULL,
    end_us   INTEGER NOT NULL,
    PRIMARY KEY (book_pk, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE audio_files (
    pk                  INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE,
    book_pk             INTEGER NOT NULL REFERENCES books (pk) ON DELETE CASCADE,
    root_id             INTEGER NOT NULL REFERENCES library_roots (id) ON DELETE CASCADE,
    path                TEXT    NOT NULL,
    play_order          INTEGER NOT NULL,
    start_us            INTEGER NOT NULL,
    size_bytes          INTEGER NOT NULL,
    mtime_ms            INTEGER NOT NULL,
    fingerprint         TEXT    NOT NULL,
    format              TEXT,
    codec               TEXT,
    codec_detail        TEXT,
    mime_type           TEXT,
    sample_rate_hz      INTEGER,
    channels            INTEGER,
    bitrate_bps         INTEGER,
    duration_us         INTEGER NOT NULL DEFAULT 0,
    gapless_duration_us INTEGER NOT NULL DEFAULT 0,
    audio_start         INTEGER,
    audio_end           INTEGER,
    tags_json           TEXT    NOT NULL DEFAULT '{}',
    chapters_json       TEXT    NOT NULL DEFAULT '[]',
    cover_json          TEXT,
    warnings_json       TEXT    NOT NULL DEFAULT '[]',
    error_code          TEXT,
    error_message       TEXT,
    UNIQUE (root_id, path)
) STRICT;
CREATE INDEX audio_files_by_book ON audio_files (book_pk, play_order);
CREATE INDEX audio_files_by_fingerprint ON audio_files (fingerprint);

-- Search over titles, people, series and descriptions; accents folded, prefixes indexed for search as you type.
CREATE VIRTUAL TABLE book_search USING fts5 (
    title, subtitle, authors, narrators, series, description,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
