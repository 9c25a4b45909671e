package org.cyprus.library.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One book as the walk found it: where it is and which files it holds.
 *
 * @param root       the library root it was found under
 * @param key        its identity within the root: the book folder's path relative to the root, with {@code /}
 *                   separators, or the file's relative path for a book that is a single file
 * @param folder     the folder holding its audio (and sidecars)
 * @param segments   the relative path's folder names used for naming (for a single file at the root, the file name
 *                   without its extension)
 * @param audioFiles the audio files, in walk order (play order is decided later)
 * @param singleFile whether the book is one file among others in its folder (sidecars are then not its own)
 */
public record BookFolder(Path root, String key, Path folder, List<String> segments, List<Path> audioFiles,
                         boolean singleFile) {
    public BookFolder {
        Objects.requireNonNull(root);
        Objects.requireNonNull(key);
        Objects.requireNonNull(folder);
        segments = List.copyOf(segments);
        audioFiles = List.copyOf(audioFiles);
    }

    /** The path of {@code file} relative to the root, with {@code /} separators. */
    public String relative(Path file) {
        return LibraryWalker.relativeKey(root, file);
    }
}
