package org.cyprus.library.media;

import java.util.List;
import java.util.Optional;

/** Where the audio files of books lie and what they hold, for serving them. */
public interface MediaFiles {

    /** The file with this public id. */
    Optional<PlayableFile> file(String fileId);

    /** The library the book is in, if there is such a book. */
    Optional<Long> libraryOf(String bookId);

    /** The files of the book, in play order; empty when there is no such book. */
    List<PlayableFile> ofBook(String bookId);
}
