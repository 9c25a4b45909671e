package org.cyprus.library;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cyprus.events.EventBus;
import org.cyprus.library.scan.LibraryWalker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libraries current without anyone asking: file-system events (inotify) trigger a scan of just the book folder
 * that changed, once it has been quiet for a moment; and every library is rescanned periodically, which is all there
 * is on network file systems (NFS, SMB, FUSE mounts), where change events do not arrive.
 */
public final class LibraryWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("watch");
    private static final Set<String> NETWORK_FILE_SYSTEMS = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs",
            "ceph", "glusterfs", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse");

    private final LibraryService libraries;
    private final Duration quiet;
    private final Duration rescanInterval;
    private final boolean watch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("library-timer").daemon().factory());
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private WatchService service;
    private Thread poller;

    private record Watched(long libraryId, Path root, Path folder) {
    }

    private record Pending(long libraryId, String folder, long lastEventNanos) {
    }

    /**
     * @param quiet          how long a folder must be quiet after a change before it is scanned
     * @param rescanInterval how often every library is rescanned; zero for never
     * @param watch          whether to use file-system events at all
     */
    public LibraryWatcher(LibraryService libraries, EventBus events, Duration quiet, Duration rescanInterval, boolean watch) {
        this.libraries = libraries;
        this.quiet = quiet;
        this.rescanInterval = rescanInterval;
        this.watch = watch;
        events.subscribe(LibraryCreated.class, created -> watchLibrary(libraries.library(created.libraryId())));
    }

    public void start() {
        if (watch) {
            try {
                service = FileSystems.getDefault().newWatchService();
                poller = Thread.ofPlatform().name("library-watch").daemon().start(this::pollEvents);
            } catch (IOException e) {
                log.warn("File-system events are unavailable ({}); relying on periodic rescans", e.getMessage());
            }
        }
        libraries.libraries().forEach(this::watchLibrary);
        timer.scheduleWithFixedDelay(this::flush, quiet.toMillis(), Math.max(100, quiet.toMillis() / 4), TimeUnit.MILLISECONDS);
        if (!rescanInterval.isZero()) {
            long minutes = Math.max(1, rescanInterval.toMinutes());
            timer.scheduleWithFixedDelay(this::rescanAll, minutes, minutes, TimeUnit.MINUTES);
        }
    }

    private void rescanAll() {
        for (Library library : libraries.libraries()) {
            libraries.scanInBackground(library.id(), Optional.empty());
        }
    }

    private void watchLibrary(Library library) {
        if (service == null) {
            return;
        }
        for (Library.Root root : library.roots()) {
            String type = fileSystemType(root.path());
            if (NETWORK_FILE_SYSTEMS.contains(type)) {
                log.info("{} is on a network file system ({}): changes are found by periodic rescans", root.path(), type);
                continue;
            }
            try (Stream<Path> folders = Files.walk(root.path())) {
                for (Path folder : folders.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    register(new Watched(library.id(), root.path(), folder));
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot watch {} ({}); relying on periodic rescans", root.path(), e.getMessage());
            }
        }
    }

    private void register(Watched watched) throws IOException {
        if (watched.folder().getFileName() != null && watched.folder().getFileName().toString().startsWith(".")) {
            return;
        }
        WatchKey key = watched.folder().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        keys.put(key, watched);
    }

    private static String fileSystemType(Path path) {
        try {
            return Files.getFileStore(path).type().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    private void pollEvents() {
        try {
            while (true) {
                WatchKey key = service.take();
                Watched watched = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (watched == null) {
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        note(watched.libraryId(), "");
                        continue;
                    }
                    Path changed = watched.folder().resolve((Path) event.context());
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS)) {
                        registerTree(watched, changed);
                    }
                    bookFolderOf(watched.root(), changed).ifPresent(folder -> note(watched.libraryId(), folder));
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    private void registerTree(Watched parent, Path folder) {
        try (Stream<Path> folders = Files.walk(folder)) {
            for (Path f : folders.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                register(new Watched(parent.libraryId(), parent.root(), f));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot watch new folder {}: {}", folder, e.getMessage());
        }
    }

    /** The folder whose books a change at {@code changed} can affect, relative to the root ({@code ""} for the root). */
    static Optional<String> bookFolderOf(Path root, Path changed) {
        Path relative = root.relativize(changed);
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return Optional.empty(); // hidden: staging folders of uploads, editor swap files
            }
        }
        boolean folderLike = Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS)
                || (!Files.exists(changed, LinkOption.NOFOLLOW_LINKS) && !changed.getFileName().toString().contains("."));
        Path folder = folderLike ? relative : relative.getParent();
        while (folder != null && folder.getFileName() != null && LibraryWalker.isDiscFolder(folder)) {
            folder = folder.getParent();
        }
        return Optional.of(folder == null ? "" : folder.toString().replace(java.io.File.separatorChar, '/'));
    }

    private synchronized void note(long libraryId, String folder) {
        pending.put(libraryId + ":" + folder, new Pending(libraryId, folder, System.nanoTime()));
    }

    /** Scans the folders that have been quiet long enough, dropping those inside another folder being scanned. */
    private synchronized void flush() {
        long now = System.nanoTime();
        var ready = pending.values().stream().filter(p -> now - p.lastEventNanos() >= quiet.toNanos()).toList();
        for (Pending p : ready) {
            pending.remove(p.libraryId() + ":" + p.folder());
        }
        for (Pending p : ready) {
            boolean covered = ready.stream().anyMatch(o -> o != p && o.libraryId() == p.libraryId()
                    && (o.folder().isEmpty() || p.folder().startsWith(o.folder() + "/")));
            if (!covered) {
                try {
                    libraries.scanInBackground(p.libraryId(), Optional.of(p.folder()));
                } catch (LibraryException e) {
                    log.debug("Not scanning {} after a change: {}", p.folder(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (service != null) {
            try {
                service.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (poller != null) {
            poller.interrupt();
        }
    }
}
