package org.cyprus.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.cyprus.events.EventBus;
import org.cyprus.library.scan.LibraryScanner;
import org.cyprus.library.scan.ScanReport;

/**
 * Libraries and their scans: creating libraries with checked roots, and running scans one at a time per library —
 * either at once (the CLI) or queued in the background (the API, the folder watcher), where identical requests
 * waiting in the queue are merged.
 */
public final class LibraryService implements AutoCloseable {
    private static final int MAX_NAME_LENGTH = 100;

    private final Libraries libraries;
    private final LibraryScanner scanner;
    private final EventBus events;
    private final Clock clock;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ScanReport>> queued = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("scan-queue").daemon().factory());

    public LibraryService(Libraries libraries, LibraryScanner scanner, EventBus events, Clock clock) {
        this.libraries = libraries;
        this.scanner = scanner;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a library over {@code folders}, which must exist and must not overlap any library's roots. */
    public synchronized Library create(String name, List<Path> folders) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME_LENGTH || clean.chars().anyMatch(Character::isISOControl)) {
            throw new LibraryException(LibraryException.Kind.INVALID, "a library name has 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
        if (folders.isEmpty()) {
            throw new LibraryException(LibraryException.Kind.INVALID, "a library needs at least one folder");
        }
        if (libraries.byName(clean).isPresent()) {
            throw new LibraryException(LibraryException.Kind.CONFLICT, "a library named '" + clean + "' exists already");
        }
        List<Path> roots = new ArrayList<>();
        for (Path folder : folders) {
            Path real = LibraryPaths.realFolder(folder);
            for (Path other : allRoots(roots)) {
                if (real.startsWith(other) || other.startsWith(real)) {
                    throw new LibraryException(LibraryException.Kind.CONFLICT, real + " overlaps the library folder " + other);
                }
            }
            roots.add(real);
        }
        Library library = libraries.create(clean, roots, clock.millis());
        events.publish(new LibraryCreated(library.id()));
        return library;
    }

    private List<Path> allRoots(List<Path> pending) {
        List<Path> all = new ArrayList<>(pending);
        libraries.all().forEach(l -> l.roots().forEach(r -> all.add(r.path())));
        return all;
    }

    public List<Library> libraries() {
        return libraries.all();
    }

    public Library library(long id) {
        return libraries.byId(id).orElseThrow(() -> new LibraryException(LibraryException.Kind.NOT_FOUND, "no library " + id));
    }

    public Optional<Library> libraryByName(String name) {
        return libraries.byName(name);
    }

    /** Scans now, waiting for any scan of the same library to finish first. */
    public ScanReport scan(long libraryId, Optional<String> subFolder) {
        Library library = library(libraryId);
        Optional<LibraryScanner.ScopedFolder> scope = subFolder.filter(s -> !s.isBlank()).map(s -> scope(library, s));
        ReentrantLock lock = locks.computeIfAbsent(libraryId, id -> new ReentrantLock());
        lock.lock();
        try {
            return scanner.scan(library, scope, events::publish);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a scan; a request identical to one still waiting shares its result. The sub-folder is checked now, so a
     * bad path fails the request rather than the scan.
     */
    public CompletableFuture<ScanReport> scanInBackground(long libraryId, Optional<String> subFolder) {
        Library library = library(libraryId);
        String relative = subFolder.map(String::strip).orElse("");
        if (!relative.isEmpty()) {
            scope(library, relative);
        }
        String key = libraryId + ":" + relative;
        return queued.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
            queued.remove(k);
            return scan(libraryId, Optional.of(relative));
        }, background));
    }

    /** A sub-folder of a library, resolved inside the first root that holds it. */
    private LibraryScanner.ScopedFolder scope(Library library, String relative) {
        String clean = relative.strip().replaceAll("^/+|/+$", "");
        for (Library.Root root : library.roots()) {
            Path folder = LibraryPaths.resolveInside(root.path(), clean);
            if (Files.exists(folder) || library.roots().size() == 1) {
                return new LibraryScanner.ScopedFolder(root.id(), folder, clean);
            }
        }
        throw new LibraryException(LibraryException.Kind.NOT_FOUND, "no folder '" + clean + "' in library " + library.name());
    }

    public boolean delete(long libraryId) {
        return libraries.delete(libraryId);
    }

    @Override
    public void close() {
        scanner.cancel();
        background.shutdownNow();
        try {
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
