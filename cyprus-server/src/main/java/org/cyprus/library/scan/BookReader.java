package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cyprus.library.AudioFile;
import org.cyprus.library.PublicIds;
import org.cyprus.library.cover.CoverStore;

/**
 * Reads one book folder during a scan: skips it when its signature is unchanged, probes its new and changed files,
 * works out which book it was before (by folder, else by its files' fingerprints), assembles and saves it.
 */
final class BookReader {
    private final ScanStore store;
    private final AudioProbe probe;
    private final CoverStore covers;
    private final LibraryScanner.ScanState state;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Runnable onProbe;

    BookReader(ScanStore store, AudioProbe probe, CoverStore covers, LibraryScanner.ScanState state, Clock clock,
               Consumer<String> warnings, Runnable onProbe) {
        this.store = store;
        this.probe = probe;
        this.covers = covers;
        this.state = state;
        this.clock = clock;
        this.warnings = warnings;
        this.onProbe = onProbe;
    }

    /** What happened to the book: its id, and how it changed (empty when it did not). */
    record Outcome(String bookId, Optional<ScanEvent.Change> change) {
    }

    Outcome read(long libraryId, long rootId, BookFolder folder, Optional<ScanStore.KnownBook> known) {
        BookSignature signature = BookSignature.of(folder);
        if (known.isPresent() && !known.get().missing() && known.get().signature().equals(signature.value())) {
            return new Outcome(known.get().id(), Optional.empty());
        }
        List<AudioFile> files = new ArrayList<>();
        List<String> reusedIds = new ArrayList<>();
        Map<String, Long> previousBooks = new HashMap<>();
        Map<Path, AudioFile> probedFiles = new HashMap<>();
        for (Map.Entry<Path, BookSignature.FileStat> entry : signature.audio().entrySet()) {
            Path file = entry.getKey();
            BookSignature.FileStat stat = entry.getValue();
            String relative = folder.relative(file);
            Optional<ScanStore.KnownFile> atPath = state.fileAt(rootId, relative);
            if (atPath.isPresent() && atPath.get().sizeBytes() == stat.sizeBytes() && atPath.get().mtimeMs() == stat.mtimeMs()) {
                reusedIds.add(atPath.get().id());
                previousBooks.put(atPath.get().id(), atPath.get().bookPk());
                continue;
            }
            AudioProbe.ProbedAudio probed = probe.probe(file);
            onProbe.run();
            Optional<ScanStore.KnownFile> previous = atPath.or(() -> state.claimMovedFile(probed.fingerprint()));
            String id = previous.map(ScanStore.KnownFile::id).orElseGet(PublicIds::next);
            previous.ifPresent(p -> previousBooks.put(p.id(), p.bookPk()));
            AudioFile audio = switch (probed) {
                case AudioProbe.Readable r -> new AudioFile(id, rootId, relative, stat.sizeBytes(), stat.mtimeMs(),
                        r.fingerprint(), Optional.of(r.facts()), Optional.empty());
                case AudioProbe.Unreadable u -> {
                    warnings.accept(relative + ": " + u.problem().message());
                    yield new AudioFile(id, rootId, relative, stat.sizeBytes(), stat.mtimeMs(), u.fingerprint(),
                            Optional.empty(), Optional.of(u.problem()));
                }
            };
            probedFiles.put(file, audio);
        }
        Map<String, AudioFile> reused = store.files(reusedIds);
        for (Path file : signature.audio().keySet()) {
            AudioFile audio = probedFiles.get(file);
            if (audio == null) {
                audio = state.fileAt(rootId, folder.relative(file)).map(k -> reused.get(k.id())).orElse(null);
            }
            if (audio != null) {
                files.add(audio);
            }
        }

        Identity identity = identify(known, previousBooks);
        Sidecars sidecars = folder.singleFile() ? Sidecars.NONE : Sidecars.read(folder.folder());
        BookDraft draft = BookAssembler.assemble(rootId, folder, files, sidecars);
        sidecars.warnings().forEach(w -> warnings.accept(folder.key() + ": " + w));

        Optional<String> coverHash = Optional.empty();
        Optional<String> coverKey = draft.cover().map(CoverSource::key);
        if (draft.cover().isPresent()) {
            Optional<ScanStore.KnownBook> before = identity.previous();
            if (before.isPresent() && before.get().coverKey().equals(coverKey) && before.get().coverHash().isPresent()) {
                coverHash = before.get().coverHash();
            } else {
                try {
                    coverHash = Optional.of(covers.put(CoverReader.read(draft.cover().get(), folder.root())));
                } catch (IOException | RuntimeException e) {
                    warnings.accept(folder.key() + ": cover not used: " + e.getMessage());
                    coverKey = Optional.empty();
                }
            }
        }
        store.saveBook(libraryId, identity.bookId(), draft,
                new ScanStore.BookExtras(signature.value(), coverHash, coverKey, identity.change() == ScanEvent.Change.ADDED),
                clock.millis());
        return new Outcome(identity.bookId(), Optional.of(identity.change()));
    }

    private record Identity(String bookId, ScanEvent.Change change, Optional<ScanStore.KnownBook> previous) {
    }

    /** The book this folder was: the one at the same folder, else the one most of its files came from, else a new one. */
    private Identity identify(Optional<ScanStore.KnownBook> known, Map<String, Long> previousBooks) {
        if (known.isPresent()) {
            return new Identity(known.get().id(), known.get().missing() ? ScanEvent.Change.RESTORED : ScanEvent.Change.UPDATED, known);
        }
        Map<Long, Long> votes = previousBooks.values().stream().collect(Collectors.groupingBy(pk -> pk, Collectors.counting()));
        List<Long> candidates = votes.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (long pk : candidates) {
            Optional<ScanStore.KnownBook> book = state.book(pk);
            if (book.isPresent() && state.claimMovedBook(pk)) {
                return new Identity(book.get().id(), book.get().missing() ? ScanEvent.Change.RESTORED : ScanEvent.Change.UPDATED, book);
            }
        }
        return new Identity(PublicIds.next(), ScanEvent.Change.ADDED, Optional.empty());
    }
}
