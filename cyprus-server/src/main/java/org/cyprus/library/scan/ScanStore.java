package org.cyprus.library.scan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.library.AudioFile;

/** What the scanner reads from and writes to the catalog's storage. */
public interface ScanStore {

    /** The books and files a library holds now, in the light form a scan compares against. */
    ScanSnapshot snapshot(long libraryId);

    /** The full records of files, by id (for reusing what unchanged files already told). */
    Map<String, AudioFile> files(Collection<String> fileIds);

    /**
     * Saves a book in one transaction: the book row, its people, series, genres, chapters, files and search entry.
     *
     * @param bookId the book's id — an existing book's to keep it, or a new one
     * @return the book's internal key
     */
    long saveBook(long libraryId, String bookId, BookDraft draft, BookExtras extras, long nowMs);

    /** Marks books missing (their files are gone) without deleting anything. */
    void markMissing(Collection<Long> bookPks, long nowMs);

    /** The light view of one known book. */
    record KnownBook(long pk, String id, long rootId, String key, String signature, boolean missing,
                     Optional<String> coverKey, Optional<String> coverHash) {
    }

    /** The light view of one known file. */
    record KnownFile(String id, long rootId, String path, long sizeBytes, long mtimeMs, String fingerprint, long bookPk) {
    }

    /** A library's books and files. */
    record ScanSnapshot(List<KnownBook> books, List<KnownFile> files) {
    }

    /**
     * What a save needs beside the draft.
     *
     * @param signature the sizes and times of the book's files when it was read, to skip it next time if unchanged
     * @param coverHash the stored cover's hash, if the book has a cover
     * @param coverKey  where the cover came from ({@link CoverSource#key()})
     * @param isNew     whether the book was first seen in this scan (its added time is now)
     */
    record BookExtras(String signature, Optional<String> coverHash, Optional<String> coverKey, boolean isNew) {
    }
}
