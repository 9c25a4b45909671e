package org.cyprus.library.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cyprus.library.AudioFile;
import org.cyprus.library.BookMetadata;
import org.cyprus.media.Chapter;

/**
 * A book as a scan assembled it, ready to be matched to the book it was before and saved.
 *
 * @param rootId      the root it lies under
 * @param key         its folder (or single file) relative to the root
 * @param metadata    merged metadata; the title is always present
 * @param files       its playable files, in play order
 * @param unreadable  its files that could not be read (listed as problems, not played)
 * @param chapters    chapters on the book's timeline
 * @param durationUs  the sum of its files' durations
 * @param cover       where its cover comes from, if it has one
 * @param warnings    problems with sidecars and files that did not stop the book
 */
public record BookDraft(long rootId, String key, BookMetadata metadata, List<AudioFile> files, List<AudioFile> unreadable,
                        List<Chapter> chapters, long durationUs, Optional<CoverSource> cover, List<String> warnings) {
    public BookDraft {
        Objects.requireNonNull(key);
        Objects.requireNonNull(metadata);
        if (metadata.title().isEmpty()) {
            throw new IllegalArgumentException("a book needs a title");
        }
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
        chapters = List.copyOf(chapters);
        Objects.requireNonNull(cover);
        warnings = List.copyOf(warnings);
    }

    /** Every file of the book, playable first. */
    public List<AudioFile> allFiles() {
        return java.util.stream.Stream.concat(files.stream(), unreadable.stream()).toList();
    }

    public String title() {
        return metadata.title().orElseThrow();
    }
}
