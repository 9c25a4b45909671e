package org.cyprus.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cyprus.api.http.ApiServices;
import org.cyprus.stream.AudioStreams;
import org.cyprus.stream.BookAudios;
import org.cyprus.stream.BookStreams;
import org.cyprus.api.http.HttpServer;
import org.cyprus.api.http.HttpSettings;
import org.cyprus.api.http.Json;
import org.cyprus.api.http.PortInUseException;
import org.cyprus.api.http.Route;
import org.cyprus.api.http.RouteGuard;
import org.cyprus.api.http.TlsSetupException;
import org.cyprus.api.http.RouteTable;
import org.cyprus.api.http.ScanStatusBoard;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.ApiKeys;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.Credentials;
import org.cyprus.auth.LoginThrottle;
import org.cyprus.auth.MediaCapabilities;
import org.cyprus.auth.PasswordHasher;
import org.cyprus.auth.Secrets;
import org.cyprus.auth.SignIn;
import org.cyprus.auth.SignedTokens;
import org.cyprus.config.ServerConfig;
import org.cyprus.library.Library;
import org.cyprus.library.LibraryException;
import org.cyprus.library.LibraryFolder;
import org.cyprus.library.LibraryWatcher;
import org.cyprus.library.media.RecentMediaFiles;
import org.cyprus.library.upload.UploadLimits;
import org.cyprus.library.upload.Uploads;
import org.cyprus.stream.FileMappings;
import org.cyprus.api.ws.SyncSocket;
import org.cyprus.library.scan.ScanEvent;
import org.cyprus.progress.Bookmarks;
import org.cyprus.progress.CommitQueue;
import org.cyprus.progress.DeviceDirectory;
import org.cyprus.progress.Listening;
import org.cyprus.progress.ListeningBooks;
import org.cyprus.progress.ListeningStats;
import org.cyprus.progress.SyncHub;
import org.cyprus.store.JdbcListening;
import org.cyprus.system.ServerStatus;
import org.cyprus.system.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part of a running server from its configuration and stops them in order. */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("cyprus");
    private static final long MAX_REQUEST_BYTES = 1L << 20;
    /** Files whose mappings are kept for serving, and their total size: address space, not memory (org/cyprus/stream/README.md). */
    private static final int MAPPED_FILES = 128;
    private static final long MAPPED_BYTES = 16L << 30;

    private final CoreServices services;
    private final HttpServer http;
    private final LibraryWatcher watcher;
    private final List<Route> routes;
    private final FileMappings mappings;
    /** How long a file's or book's media lookup is reused (a moved file or a deleted library shows that much later). */
    private static final Duration MEDIA_LOOKUP_TTL = Duration.ofSeconds(2);
    private final CommitQueue listeningCommits;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Application(CoreServices services, HttpServer http, LibraryWatcher watcher, List<Route> routes, FileMappings mappings,
                        CommitQueue listeningCommits) {
        this.services = services;
        this.listeningCommits = listeningCommits;
        this.http = http;
        this.watcher = watcher;
        this.routes = List.copyOf(routes);
        this.mappings = mappings;
    }

    /**
     * Starts a server.
     *
     * @throws StartupException when the configuration names something unusable (a missing library folder,
     *                          a taken port, an unwritable data folder)
     */
    public static Application start(ServerConfig config, Version version) {
        return start(config, version, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig, Version)}, telling time by {@code clock}. */
    public static Application start(ServerConfig config, Version version, Clock clock) {
        long startNanos = System.nanoTime();
        LogLevels.apply(config.logLevel());
        config.library().ifPresent(Application::checkLibrary);
        // Migrating before listening, not alongside: on two cores the overlap made start-up slower (bench/RESULTS.md).
        CoreServices services = CoreServices.open(config, clock);
        FileMappings mappings = new FileMappings(MAPPED_FILES, MAPPED_BYTES);
        JdbcListening listeningStore = new JdbcListening(services.database());
        CommitQueue commits = new CommitQueue(listeningStore::commit);
        try {
            ServerStatus status = new ServerStatus(config.serverName(), version, services.accounts()::setupRequired,
                    services.database()::ready);
            ScanStatusBoard scans = new ScanStatusBoard(services.events());
            ApiServices.Auth auth = auth(services);
            ApiServices api = new ApiServices(status, services.libraries(), services.catalog(), services.covers(), scans,
                    new Uploads(services.libraries(), UploadLimits.DEFAULT), config.dataDir().resolve("uploads"), auth,
                    media(services, config, mappings), sync(services, auth, listeningStore, commits), services.clock());
            HttpSettings settings = new HttpSettings(config.host(), config.port(), config.accessLog(),
                    config.shutdownGrace(), MAX_REQUEST_BYTES,
                    config.tls().map(t -> new HttpSettings.Tls(t.certificate(), t.privateKey())), config.trustedProxies());
            List<Route> routes = RouteTable.routes(api);
            HttpServer http = HttpServer.start(settings, routes, List.of(SyncSocket.over(api, Json.mapper()).route()), Json.mapper(),
                    new RouteGuard(auth.credentials(), auth.policy()));
            log.info("Cyprus {} ready at {}://{}:{}/ in {} ms (data: {})", version, config.tls().isPresent() ? "https" : "http",
                    displayHost(config.host()), http.port(),
                    (System.nanoTime() - startNanos) / 1_000_000, config.dataDir().toAbsolutePath().normalize());
            LibraryWatcher watcher = new LibraryWatcher(services.libraries(), services.events(), Duration.ofSeconds(2),
                    config.rescanInterval(), config.watch());
            Application application = new Application(services, http, watcher, routes, mappings, commits);
            application.scanLibraries(config.library());
            watcher.start();
            return application;
        } catch (RuntimeException e) {
            commits.close();
            mappings.close();
            services.close();
            throw e instanceof PortInUseException || e instanceof TlsSetupException ? new StartupException(e.getMessage(), e) : e;
        }
    }

    private static ApiServices.Auth auth(CoreServices services) {
        Clock clock = services.clock();
        AuthStore store = services.authStore();
        SignedTokens tokens = new SignedTokens(store.signingSecret(Secrets.randomBytes(32)), clock);
        return new ApiServices.Auth(services.accounts(),
                new SignIn(store, PasswordHasher.DEFAULT, tokens, new LoginThrottle(clock), clock),
                new Credentials(store, tokens, clock), new ApiKeys(store, clock), new MediaCapabilities(tokens, clock),
                new AccessPolicy(), store);
    }

    /** Listening positions and bookmarks, and the hub that carries their changes and library news to connected devices. */
    private static ApiServices.Sync sync(CoreServices services, ApiServices.Auth auth, JdbcListening store, CommitQueue commits) {
        Clock clock = services.clock();
        SyncHub hub = new SyncHub();
        DeviceDirectory devices = new DeviceDirectory(auth.store());
        ListeningBooks books = new ListeningBooks(store, auth.policy());
        Listening listening = new Listening(store, commits, hub, books, devices, clock);
        services.events().subscribe(ScanEvent.class, event -> hub.broadcast(LibraryNewsOf.scan(event)));
        return new ApiServices.Sync(listening, new Bookmarks(listening, hub, books, devices, clock),
                new ListeningStats(store, listening, books, clock), devices, hub);
    }

    /** Registers the configured folder as the first library if there is none, then rescans every library. */
    private void scanLibraries(Optional<Path> firstLibrary) {
        List<Library> libraries = services.libraries().libraries();
        if (libraries.isEmpty() && firstLibrary.isPresent()) {
            try {
                Library library = services.libraries().create(firstLibraryName(firstLibrary.get()), List.of(firstLibrary.get()));
                log.info("Registered {} as library '{}'", library.roots().getFirst().path(), library.name());
                libraries = List.of(library);
            } catch (LibraryException e) {
                log.warn("Cannot register {} as the first library: {}", firstLibrary.get(), e.getMessage());
            }
        }
        for (Library library : libraries) {
            services.libraries().scanInBackground(library.id(), Optional.empty()).whenComplete((report, error) -> {
                if (error != null) {
                    log.warn("Scanning library '{}' failed: {}", library.name(), error.getMessage());
                } else {
                    log.info("Scanned library '{}' in {} ms: {} books added, {} updated, {} unchanged, {} missing, {} files read",
                            library.name(), report.durationMs(), report.added(), report.updated(), report.unchanged(),
                            report.missing(), report.filesProbed());
                }
            });
        }
    }

    private static String firstLibraryName(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        boolean sample = normal.endsWith(Path.of("samples", "library"));
        return sample ? "Sample library" : "Audiobooks";
    }

    /** Frame tables kept in memory: about two 20-hour MP3 books' worth (each frame costs some 10–20 bytes). */
    private static final long FRAMES_IN_MEMORY = 6_000_000;

    private static ApiServices.Media media(CoreServices services, ServerConfig config, FileMappings mappings) {
        AudioStreams frames = new AudioStreams(config.dataDir().resolve("frames"), FRAMES_IN_MEMORY);
        // Players ask for range after range of a file and segment after segment of a book: lookups are reused briefly.
        RecentMediaFiles files = new RecentMediaFiles(services.mediaFiles(), services.clock(), MEDIA_LOOKUP_TTL);
        return new ApiServices.Media(files, mappings, new BookStreams(new BookAudios(files, frames)));
    }

    private static void checkLibrary(Path path) {
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

    private static String displayHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /** Every route the server answers, as the route table declared them. */
    public List<Route> routes() {
        return routes;
    }

    /** The services behind the server, for tests and tools that work beside it. */
    public CoreServices services() {
        return services;
    }

    /** Stops the HTTP server gracefully, then scans and the database; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Cyprus");
        try {
            watcher.close();
            http.close();
            listeningCommits.close();
            mappings.close();
        } finally {
            services.close();
        }
        log.info("Cyprus stopped");
    }
}
