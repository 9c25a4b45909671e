package org.cyprus.library.scan;

import java.nio.file.Path;
import org.cyprus.library.AudioFile;

/** Where a book's cover comes from: a picture in its folder, or one embedded in one of its files. */
public sealed interface CoverSource {

    /** A stable description of the source, to tell whether a cover needs reading again. */
    String key();

    /** A picture file beside the audio. */
    record FolderImage(Path file, String relativePath, long sizeBytes, long mtimeMs) implements CoverSource {
        @Override
        public String key() {
            return "folder:" + relativePath + ":" + sizeBytes + ":" + mtimeMs;
        }
    }

    /** The picture embedded in an audio file. */
    record Embedded(AudioFile file) implements CoverSource {
        @Override
        public String key() {
            return "embedded:" + file.id() + ":" + file.sizeBytes() + ":" + file.mtimeMs();
        }
    }
}
