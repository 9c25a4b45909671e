package org.cyprus.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a single-connection pool for writes and a small pool for reads (SQLite allows one
 * writer at a time; the split keeps writers from queueing behind each other's lock waits), migrated by
 * Flyway before first use.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("store");
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private volatile boolean migrated;
    /**
     * The writer's physical connection while it syncs every commit. The mode is switched only when a write needs the
     * other one, so back-to-back durable writes (the listening commits) do not set it twice per commit.
     */
    private volatile Connection syncingEveryCommit;
    /** Checkpoints the write-ahead log beside the writer (see {@link Dialect#checkpoint()}), while open. */
    private final Thread checkpointer;
    private volatile boolean closed;
    /** How often the background checkpoint runs; the WAL grows by at most this much of the write rate meanwhile. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.checkpointer = dialect.checkpoint().map(sql -> Thread.ofPlatform().name("db-checkpoint").daemon(true)
                .start(() -> checkpointEvery(sql))).orElse(null);
    }

    private void checkpointEvery(String sql) {
        while (!closed) {
            try {
                Thread.sleep(CHECKPOINT_INTERVAL);
            } catch (InterruptedException e) {
                continue; // closing
            }
            if (!migrated || closed) {
                continue;
            }
            try (Connection c = reader.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    log.warn("Checkpointing the database failed: {}", e.getMessage());
                }
            }
        }
    }

    /** Opens the pools for {@code jdbcUrl}; nothing is created or migrated until {@link #migrate()}. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.forUrl(jdbcUrl);
        dialect.prepare();
        HikariDataSource writer = pool(dialect, "cyprus-writer", true, 1);
        try {
            return new Database(dialect, writer, pool(dialect, "cyprus-reader", false, dialect.readerPoolSize()));
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static HikariDataSource pool(Dialect dialect, String name, boolean forWriting, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dialect.dataSource(forWriting));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(1, size));
        if (forWriting) {
            dialect.writerInitSql().ifPresent(config::setConnectionInitSql);
        }
        config.setAutoCommit(true);
        // Fail start-up lazily: the first use reports an unreachable database with the driver's message.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Applies every pending migration; returns how many were applied. */
    public int migrate() {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dialect.dataSource(true))
                    .locations(dialect.migrationLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            migrated = true;
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("Database migration failed: " + e.getMessage(), e);
        }
    }

    /** True once migrated and while a connection answers a trivial query. */
    public boolean ready() {
        if (!migrated) {
            return false;
        }
        try {
            return read(c -> c.isValid(2));
        } catch (StoreException e) {
            return false;
        }
    }

    /** Runs read-only work on a reading connection. */
    public <T> T read(SqlWork<T> work) {
        Objects.requireNonNull(work);
        try (Connection connection = reader.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one write transaction: all of it is committed, or none of it. */
    public <T> T write(SqlWork<T> work) {
        Objects.requireNonNull(work);
        try (Connection connection = writer.getConnection()) {
            syncEveryCommit(connection, false);
            return transaction(connection, work);
        } catch (SQLException e) {
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #write}, and the commit is on stable storage when this returns — it survives a power loss, not just
     * a crash of the process. Callers that acknowledge a change to a client batch many changes into one such write.
     */
    public <T> T writeDurably(SqlWork<T> work) {
        Objects.requireNonNull(work);
        try (Connection connection = writer.getConnection()) {
            syncEveryCommit(connection, true);
            return transaction(connection, work);
        } catch (SQLException e) {
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        }
    }

    /** Puts the writer in the mode {@code on} asks for, unless it is in it already (the writer pool has one connection). */
    private void syncEveryCommit(Connection connection, boolean on) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        if ((syncingEveryCommit == physical) == on) {
            return;
        }
        dialect.syncEveryCommit(connection, on);
        syncingEveryCommit = on ? physical : null;
    }

    private static <T> T transaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        migrated = false;
        closed = true;
        if (checkpointer != null) {
            checkpointer.interrupt();
            try {
                checkpointer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader.close();
        writer.close();
    }
}
