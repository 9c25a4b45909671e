package org.cyprus.app;

import java.time.Clock;
import java.time.Duration;
import org.cyprus.auth.Accounts;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.AuthStoreCache;
import org.cyprus.auth.PasswordHasher;
import org.cyprus.config.ServerConfig;
import org.cyprus.events.EventBus;
import org.cyprus.events.LocalEventBus;
import org.cyprus.library.LibraryService;
import org.cyprus.library.catalog.Catalog;
import org.cyprus.library.media.MediaFiles;
import org.cyprus.library.cover.CoverStore;
import org.cyprus.library.scan.LibraryScanner;
import org.cyprus.library.scan.MediaAudioProbe;
import org.cyprus.store.Database;
import org.cyprus.store.JdbcAuthStore;
import org.cyprus.store.JdbcCatalog;
import org.cyprus.store.JdbcMediaFiles;
import org.cyprus.store.JdbcLibraries;
import org.cyprus.store.JdbcScanStore;
import org.cyprus.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain services over a migrated database — everything but the HTTP server — shared by the server and by the
 * command-line tools that work on the same data ({@code library add}, {@code scan}).
 */
public final class CoreServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("cyprus");

    private final Database database;
    private final EventBus events;
    private final CoverStore covers;
    private final Catalog catalog;
    private final MediaFiles mediaFiles;
    private final LibraryService libraries;
    private final AuthStore authStore;
    private final Accounts accounts;
    private final Clock clock;

    private CoreServices(Database database, ServerConfig config, Clock clock) {
        this.clock = clock;
        // Every request checks its account and device session; a second of memory spares the database most of that.
        this.authStore = new AuthStoreCache(new JdbcAuthStore(database), Duration.ofSeconds(1));
        this.accounts = new Accounts(authStore, PasswordHasher.DEFAULT, clock);
        this.database = database;
        this.events = new LocalEventBus();
        this.covers = new CoverStore(config.dataDir());
        this.catalog = new JdbcCatalog(database);
        this.mediaFiles = new JdbcMediaFiles(database);
        int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
        LibraryScanner scanner = new LibraryScanner(new JdbcScanStore(database), new MediaAudioProbe(), covers, clock, parallelism);
        this.libraries = new LibraryService(new JdbcLibraries(database), scanner, events, clock);
    }

    /**
     * Opens and migrates the database named by {@code config} and builds the services over it.
     *
     * @throws StartupException when the database cannot be opened or migrated
     */
    public static CoreServices open(ServerConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(ServerConfig)}, telling time by {@code clock} (token lifetimes, throttles, timestamps). */
    public static CoreServices open(ServerConfig config, Clock clock) {
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
            return new CoreServices(database, config, clock);
        } catch (StoreException e) {
            database.close();
            throw new StartupException("Cannot use the database " + config.databaseUrl() + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public Database database() {
        return database;
    }

    public EventBus events() {
        return events;
    }

    public CoverStore covers() {
        return covers;
    }

    public Catalog catalog() {
        return catalog;
    }

    public MediaFiles mediaFiles() {
        return mediaFiles;
    }

    public LibraryService libraries() {
        return libraries;
    }

    public AuthStore authStore() {
        return authStore;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        libraries.close();
        database.close();
    }
}
