package org.cyprus.library.scan;

/** What a scan reports while it runs, for progress bars and live clients. */
public sealed interface ScanEvent {
    long libraryId();

    /** A scan began; {@code scope} is the sub-folder scanned, or empty for the whole library. */
    record Started(long libraryId, String scope) implements ScanEvent {
    }

    /** Progress: how many book folders were found and how many are done, and how many files were probed. */
    record Progress(long libraryId, int foldersFound, int foldersDone, int filesProbed) implements ScanEvent {
    }

    /** A book was added, changed, went missing or came back. */
    record BookChanged(long libraryId, String bookId, Change change) implements ScanEvent {
    }

    /** The scan ended. */
    record Finished(long libraryId, ScanReport report) implements ScanEvent {
    }

    /** How a book changed. */
    enum Change { ADDED, UPDATED, MISSING, RESTORED }
}
