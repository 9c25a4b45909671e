package org.cyprus.app;

import java.util.Optional;
import org.cyprus.library.scan.ScanEvent;
import org.cyprus.progress.SyncMessage;

/** Library events as news for connected devices: scan started, progress, finished, books added or changed. */
final class LibraryNewsOf {
    private LibraryNewsOf() {
    }

    static SyncMessage.LibraryNews scan(ScanEvent event) {
        return switch (event) {
            case ScanEvent.Started s -> new SyncMessage.LibraryNews(s.libraryId(), "scanStarted", Optional.empty(), Optional.empty(), Optional.empty());
            case ScanEvent.Progress p -> new SyncMessage.LibraryNews(p.libraryId(), "scanProgress", Optional.empty(),
                    Optional.of(p.foldersDone()), Optional.of(p.foldersFound()));
            case ScanEvent.BookChanged b -> new SyncMessage.LibraryNews(b.libraryId(), b.change() == ScanEvent.Change.ADDED ? "bookAdded"
                    : "bookChanged", Optional.of(b.bookId()), Optional.empty(), Optional.empty());
            case ScanEvent.Finished f -> new SyncMessage.LibraryNews(f.libraryId(), "scanFinished", Optional.empty(), Optional.empty(), Optional.empty());
        };
    }
}
