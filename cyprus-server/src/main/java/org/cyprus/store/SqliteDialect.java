package org.cyprus.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite in WAL mode: readers never block the writer, foreign keys are enforced, and a writer waits
 * (busy timeout) rather than failing when another connection holds the write lock. Write transactions
 * begin {@code IMMEDIATE} so two writers cannot deadlock upgrading read locks (sqlite.org/lang_transaction.html).
 */
public record SqliteDialect(String jdbcUrl) implements Dialect {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public int readerPoolSize() {
        return Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    }

    /** The database file, unless the URL names an in-memory database. */
    public Optional<Path> file() {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String path = query >= 0 ? rest.substring(0, query) : rest;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file::memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path.startsWith("file:") ? path.substring("file:".length()) : path));
    }

    /**
     * Creates the folder that holds the database file and switches the file to WAL once, on one connection:
     * the journal mode is stored in the file, and setting it needs an exclusive lock that concurrently opening
     * pool connections would fight over (SQLITE_BUSY) on a fresh database.
     */
    @Override
    public void prepare() {
        file().map(Path::toAbsolutePath).map(Path::getParent).ifPresent(folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new StoreException("Cannot create the database folder " + folder + ": " + e.getMessage(), e);
            }
        });
        SQLiteConfig config = baseConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try (Connection connection = config.createConnection(jdbcUrl)) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the SQLite database " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** {@code synchronous=FULL} in WAL mode syncs the WAL at every commit (sqlite.org/pragma.html#pragma_synchronous). */
    @Override
    public void syncEveryCommit(Connection connection, boolean on) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(on ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        }
    }

    /**
     * SQLite's writer checkpoints the WAL into the database itself once the WAL passes 1,000 pages, inside the commit
     * that crossed it: that commit, and every acknowledged update waiting on it, then waits for the pages to be copied
     * and the database file synced (sqlite.org/wal.html#automatic_checkpoint). The writer never does here.
     */
    @Override
    public Optional<String> writerInitSql() {
        return Optional.of("PRAGMA wal_autocheckpoint = 0");
    }

    /**
     * A PASSIVE checkpoint copies what it can without waiting for readers or the writer, which goes on appending to
     * the WAL meanwhile; the WAL starts over from its beginning once a checkpoint has caught up with it
     * (sqlite.org/c3ref/wal_checkpoint_v2.html).
     */
    @Override
    public Optional<String> checkpoint() {
        return Optional.of("PRAGMA wal_checkpoint(PASSIVE)");
    }

    @Override
    public DataSource dataSource(boolean forWriting) {
        SQLiteConfig config = baseConfig();
        if (forWriting) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(jdbcUrl);
        return dataSource;
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        // NORMAL in WAL mode keeps every committed transaction across a process crash (SIGKILL);
        // only an OS crash or power loss can roll back the last commits (sqlite.org/pragma.html#pragma_synchronous).
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }
}
