package org.cyprus.library.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.cyprus.library.AudioFile;

/**
 * An audio file as streaming needs it: where it lies on disk, how to tell whether it changed, what it holds, and
 * where it sits on its book's timeline.
 *
 * @param id        the file's public id
 * @param bookId    the book it belongs to
 * @param libraryId the library that book is in (what access is decided on)
 * @param path      its absolute path, resolved inside its library folder
 * @param stamp     size, modification time and content fingerprint when last scanned
 * @param audio     container, codec and parameters, when the file could be read
 * @param startUs   where it starts on the book's timeline
 * @param durationUs its duration as the scan measured it
 * @param problem   why it cannot be played, when it cannot
 */
public record PlayableFile(String id, String bookId, long libraryId, Path path, FileStamp stamp, Optional<AudioShape> audio,
                           long startUs, long durationUs, Optional<AudioFile.FileProblem> problem) {
    public PlayableFile {
        Objects.requireNonNull(id);
        Objects.requireNonNull(bookId);
        Objects.requireNonNull(path);
        Objects.requireNonNull(stamp);
        Objects.requireNonNull(audio);
        Objects.requireNonNull(problem);
    }

    /** The file's name, the last part of its path. */
    public String name() {
        return path.getFileName().toString();
    }
}
