-- Accounts. Created in the first migration so a fresh server can tell that it needs its first administrator.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'user', 'guest')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    can_download  INTEGER NOT NULL DEFAULT 0 CHECK (can_download IN (0, 1)),
    all_libraries INTEGER NOT NULL DEFAULT 1 CHECK (all_libraries IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
