-- Accounts. Created in the first migration so a fresh server can tell that it needs its first administrator.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'user', 'guest')),
    created_at    INTEGER NOT NULL
) STRICT;
