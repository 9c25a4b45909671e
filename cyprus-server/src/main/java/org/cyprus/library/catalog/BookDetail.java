package org.cyprus.library.catalog;

import java.util.List;
import java.util.Optional;
import org.cyprus.library.AudioFile;
import org.cyprus.library.SeriesRef;
import org.cyprus.media.Chapter;

/** Everything known about one book. */
public record BookDetail(String id, long libraryId, String title, Optional<String> subtitle, List<String> authors,
                         List<String> narrators, List<SeriesRef> series, List<String> genres, Optional<Integer> year,
                         Optional<String> publisher, Optional<String> language, Optional<String> description,
                         Optional<String> asin, Optional<String> isbn, long durationUs, List<Chapter> chapters,
                         List<BookFile> files, Optional<String> coverHash, long addedAtMs, long updatedAtMs, boolean missing,
                         List<String> warnings) {

    /**
     * A file of the book.
     *
     * @param startUs where it starts on the book's timeline
     * @param problem why it cannot be played, when it cannot
     */
    public record BookFile(String id, String name, String mimeType, long sizeBytes, long durationUs, long startUs,
                           Optional<AudioFile.FileProblem> problem) {
    }
}
