package org.cyprus.store;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * What differs between the databases Cyprus runs on: how connections are made and tuned, and where
 * that database's migrations live. Repositories write portable SQL and ask the dialect for the rest.
 */
public sealed interface Dialect permits SqliteDialect {

    /** A short name for logs, e.g. {@code sqlite}. */
    String name();

    /** Readies the database before any pool opens (for SQLite: its folder and its journal mode). */
    void prepare();

    /** The Flyway location of this dialect's migrations. */
    String migrationLocation();

    /** An unpooled data source; {@code forWriting} selects connections that start write transactions. */
    DataSource dataSource(boolean forWriting);

    /**
     * Makes commits on {@code connection} reach stable storage before they return ({@code on}), or go back to the
     * default, which survives a crash of the process but may lose the last commits on power loss.
     */
    void syncEveryCommit(java.sql.Connection connection, boolean on) throws java.sql.SQLException;

    /** How many connections the reading pool keeps. */
    int readerPoolSize();

    /** SQL each writing connection runs as it opens, if any. */
    Optional<String> writerInitSql();

    /**
     * A statement that moves the write-ahead log into the database beside the writer, run by a background thread
     * instead of inside a commit; empty where the database needs no such help.
     */
    Optional<String> checkpoint();

    /** The dialect for a JDBC URL. */
    static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect(jdbcUrl);
        }
        throw new StoreException("Unsupported database URL (only jdbc:sqlite: is supported): " + jdbcUrl);
    }
}
