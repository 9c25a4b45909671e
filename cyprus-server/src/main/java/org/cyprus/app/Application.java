package org.cyprus.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.cyprus.api.http.HttpServer;
import org.cyprus.api.http.HttpSettings;
import org.cyprus.api.http.Json;
import org.cyprus.api.http.PortInUseException;
import org.cyprus.api.http.RouteTable;
import org.cyprus.config.ServerConfig;
import org.cyprus.library.LibraryFolder;
import org.cyprus.store.Database;
import org.cyprus.store.JdbcSetupState;
import org.cyprus.store.StoreException;
import org.cyprus.system.ServerStatus;
import org.cyprus.system.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part of a running server from its configuration and stops them in order. */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("cyprus");
    private static final long MAX_REQUEST_BYTES = 1L << 20;

    private final Database database;
    private final HttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Application(Database database, HttpServer http) {
        this.database = database;
        this.http = http;
    }

    /**
     * Starts a server.
     *
     * @throws StartupException when the configuration names something unusable (a missing library folder,
     *                          a taken port, an unwritable data folder)
     */
    public static Application start(ServerConfig config, Version version) {
        long startNanos = System.nanoTime();
        LogLevels.apply(config.logLevel());
        config.library().ifPresent(Application::checkLibrary);
        // Migrating before listening, not alongside: on two cores the overlap made start-up slower (bench/RESULTS.md).
        Database database = openDatabase(config);
        try {
            ServerStatus status = new ServerStatus(config.serverName(), version, new JdbcSetupState(database), database::ready);
            HttpSettings settings = new HttpSettings(config.host(), config.port(), config.accessLog(),
                    config.shutdownGrace(), MAX_REQUEST_BYTES);
            HttpServer http = HttpServer.start(settings, RouteTable.routes(status), Json.mapper());
            log.info("Cyprus {} ready at http://{}:{}/ in {} ms (data: {})", version, displayHost(config.host()), http.port(),
                    (System.nanoTime() - startNanos) / 1_000_000, config.dataDir().toAbsolutePath().normalize());
            return new Application(database, http);
        } catch (RuntimeException e) {
            database.close();
            throw e instanceof PortInUseException ? new StartupException(e.getMessage(), e) : e;
        }
    }

    private static void checkLibrary(java.nio.file.Path path) {
        switch (LibraryFolder.inspect(path)) {
            case LibraryFolder.Usable usable -> log.info("Library folder: {}", usable.path());
            case LibraryFolder.Empty empty -> log.warn(
                    "The library folder {} holds no audio files yet; books will appear once audio files are added.", empty.path());
            case LibraryFolder.Missing missing -> throw new StartupException(
                    "The library folder " + missing.path() + " does not exist. Create it, or give an existing folder with --library DIR.");
            case LibraryFolder.NotAFolder file -> throw new StartupException(
                    "The library path " + file.path() + " is a file, not a folder. Give the folder that holds your audiobooks with --library DIR.");
            case LibraryFolder.Unreadable unreadable -> throw new StartupException(
                    "The library folder " + unreadable.path() + " cannot be read (" + unreadable.reason() + "). Check its permissions.");
        }
    }

    private static Database openDatabase(ServerConfig config) {
        Database database;
        try {
            database = Database.open(config.databaseUrl());
        } catch (StoreException e) {
            throw new StartupException("Cannot use the database " + config.databaseUrl() + ": " + rootMessage(e), e);
        }
        try {
            int applied = database.migrate();
            if (applied > 0) {
                log.info("Database {}: applied {} migration(s)", database.dialect().name(), applied);
            }
            return database;
        } catch (StoreException e) {
            database.close();
            throw new StartupException("Cannot use the database " + config.databaseUrl() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String displayHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /** Stops the HTTP server gracefully, then the database; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Cyprus");
        try {
            http.close();
        } finally {
            database.close();
        }
        log.info("Cyprus stopped");
    }
}
