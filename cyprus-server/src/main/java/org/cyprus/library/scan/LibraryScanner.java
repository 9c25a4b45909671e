package org.cyprus.library.scan;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.cyprus.library.Library;
import org.cyprus.library.cover.CoverStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a library's folders into books, incrementally: walk the roots, skip books whose files and sidecars have not
 * changed, probe only new and changed files (in parallel, bounded), keep every book's and file's id through renames,
 * moves, new inodes and tag edits, and mark books whose files are gone as missing rather than deleting them. One
 * unreadable file never stops a scan: it becomes a warning on its book.
 */
public final class LibraryScanner {
    private static final Logger log = LoggerFactory.getLogger("scan");

    private final ScanStore store;
    private final AudioProbe probe;
    private final CoverStore covers;
    private final Clock clock;
    private final int parallelism;
    private volatile boolean cancelled;

    public LibraryScanner(ScanStore store, AudioProbe probe, CoverStore covers, Clock clock, int parallelism) {
        this.store = store;
        this.probe = probe;
        this.covers = covers;
        this.clock = clock;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Scans {@code library}, or only the folder {@code scope} inside one of its roots.
     *
     * @param scope  a folder inside a root (already resolved and checked), or empty for the whole library
     * @param events hears progress and book changes
     */
    public ScanReport scan(Library library, Optional<ScopedFolder> scope, Consumer<ScanEvent> events) {
        long startMs = clock.millis();
        String scopeName = scope.map(ScopedFolder::relative).orElse("");
        events.accept(new ScanEvent.Started(library.id(), scopeName));
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<ScanReport.Change> changes = Collections.synchronizedList(new ArrayList<>());
        ScanState state = new ScanState(store.snapshot(library.id()));

        List<Found> found = new ArrayList<>();
        for (Library.Root root : library.roots()) {
            if (scope.isPresent() && scope.get().rootId() != root.id()) {
                continue;
            }
            Path folder = scope.map(ScopedFolder::folder).orElse(root.path());
            for (BookFolder book : LibraryWalker.walk(root.path(), folder, warnings::add)) {
                found.add(new Found(root.id(), book, state.claimByKey(root.id(), book.key())));
            }
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger probed = new AtomicInteger();
        events.accept(new ScanEvent.Progress(library.id(), found.size(), 0, 0));

        Counts counts = new Counts();
        BookReader reader = new BookReader(store, probe, covers, state, clock, warnings::add, probed::incrementAndGet);
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().name("scan-", 0).factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Found f : found) {
                futures.add(pool.submit(() -> {
                    if (cancelled) {
                        return;
                    }
                    try {
                        BookReader.Outcome outcome = reader.read(library.id(), f.rootId(), f.book(), f.known());
                        counts.add(outcome);
                        outcome.change().ifPresent(change -> {
                            changes.add(new ScanReport.Change(outcome.bookId(), change));
                            events.accept(new ScanEvent.BookChanged(library.id(), outcome.bookId(), change));
                        });
                    } catch (RuntimeException e) {
                        log.warn("Scanning {} failed", f.book().folder(), e);
                        warnings.add(f.book().key() + ": " + e.getMessage());
                    }
                    int n = done.incrementAndGet();
                    if (n % 25 == 0 || n == found.size()) {
                        events.accept(new ScanEvent.Progress(library.id(), found.size(), n, probed.get()));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }

        List<ScanStore.KnownBook> gone = state.unclaimedBooks(scope).stream().filter(b -> !b.missing()).toList();
        if (!gone.isEmpty()) {
            store.markMissing(gone.stream().map(ScanStore.KnownBook::pk).toList(), clock.millis());
            gone.forEach(b -> {
                changes.add(new ScanReport.Change(b.id(), ScanEvent.Change.MISSING));
                events.accept(new ScanEvent.BookChanged(library.id(), b.id(), ScanEvent.Change.MISSING));
            });
        }
        ScanReport report = new ScanReport(library.id(), scopeName, found.size(), counts.added.get(), counts.updated.get(),
                counts.unchanged.get(), gone.size(), probed.get(), clock.millis() - startMs, List.copyOf(warnings), List.copyOf(changes));
        events.accept(new ScanEvent.Finished(library.id(), report));
        return report;
    }

    /** Makes running scans stop after the books in hand (the server is stopping). */
    public void cancel() {
        cancelled = true;
    }

    /**
     * A folder inside a library root, resolved and checked by the caller.
     *
     * @param rootId   the root it lies in
     * @param folder   the folder, absolute
     * @param relative its path relative to the root, {@code /}-separated
     */
    public record ScopedFolder(long rootId, Path folder, String relative) {
    }

    private record Found(long rootId, BookFolder book, Optional<ScanStore.KnownBook> known) {
    }

    private static final class Counts {
        final AtomicInteger added = new AtomicInteger();
        final AtomicInteger updated = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();

        void add(BookReader.Outcome outcome) {
            switch (outcome.change().orElse(null)) {
                case ADDED -> added.incrementAndGet();
                case UPDATED, RESTORED -> updated.incrementAndGet();
                case null, default -> unchanged.incrementAndGet();
            }
        }
    }

    /** What the scan knows and has claimed so far; shared by the worker threads. */
    static final class ScanState {
        private final Map<String, ScanStore.KnownBook> booksByKey = new HashMap<>();
        private final Map<Long, ScanStore.KnownBook> booksByPk = new HashMap<>();
        private final Map<String, ScanStore.KnownFile> filesByPath = new HashMap<>();
        private final Map<String, List<ScanStore.KnownFile>> filesByFingerprint = new HashMap<>();
        private final Set<Long> claimedBooks = ConcurrentHashMap.newKeySet();
        private final Set<String> claimedFiles = ConcurrentHashMap.newKeySet();

        ScanState(ScanStore.ScanSnapshot snapshot) {
            for (ScanStore.KnownBook b : snapshot.books()) {
                booksByKey.put(b.rootId() + ":" + b.key(), b);
                booksByPk.put(b.pk(), b);
            }
            for (ScanStore.KnownFile f : snapshot.files()) {
                filesByPath.put(f.rootId() + ":" + f.path(), f);
                filesByFingerprint.computeIfAbsent(f.fingerprint(), k -> new ArrayList<>()).add(f);
            }
        }

        /** The book already at this folder, claimed so that no other folder takes its identity. */
        Optional<ScanStore.KnownBook> claimByKey(long rootId, String key) {
            ScanStore.KnownBook book = booksByKey.get(rootId + ":" + key);
            if (book != null && claimedBooks.add(book.pk())) {
                return Optional.of(book);
            }
            return Optional.empty();
        }

        Optional<ScanStore.KnownFile> fileAt(long rootId, String path) {
            return Optional.ofNullable(filesByPath.get(rootId + ":" + path));
        }

        /** A known file with this fingerprint whose book's folder was not found where it was; claimed for the caller. */
        Optional<ScanStore.KnownFile> claimMovedFile(String fingerprint) {
            for (ScanStore.KnownFile f : filesByFingerprint.getOrDefault(fingerprint, List.of())) {
                ScanStore.KnownBook owner = booksByPk.get(f.bookPk());
                boolean ownerStayed = owner != null && claimedBooks.contains(owner.pk()) && !isMovedClaim(owner);
                if (!ownerStayed && claimedFiles.add(f.id())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        private final Set<Long> movedClaims = ConcurrentHashMap.newKeySet();

        private boolean isMovedClaim(ScanStore.KnownBook book) {
            return movedClaims.contains(book.pk());
        }

        /** Claims a book found again through its files, under a new folder; false if another folder has it. */
        boolean claimMovedBook(long bookPk) {
            if (claimedBooks.add(bookPk)) {
                movedClaims.add(bookPk);
                return true;
            }
            return false;
        }

        Optional<ScanStore.KnownBook> book(long pk) {
            return Optional.ofNullable(booksByPk.get(pk));
        }

        void markFileClaimed(String fileId) {
            claimedFiles.add(fileId);
        }

        /** Books within {@code scope} that no folder claimed: their files are gone. */
        List<ScanStore.KnownBook> unclaimedBooks(Optional<ScopedFolder> scope) {
            return booksByPk.values().stream()
                    .filter(b -> !claimedBooks.contains(b.pk()))
                    .filter(b -> scope.isEmpty() || (b.rootId() == scope.get().rootId() && within(b.key(), scope.get().relative())))
                    .toList();
        }

        private static boolean within(String key, String folder) {
            return folder.isEmpty() || key.equals(folder) || key.startsWith(folder + "/");
        }
    }
}
