package org.cyprus.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a folder offered as a library holds, checked before the server takes it on. */
public sealed interface LibraryFolder {
    Path path();

    /** The folder holds at least one audio file. */
    record Usable(Path path) implements LibraryFolder {
    }

    /** The folder exists but holds no audio file yet. */
    record Empty(Path path) implements LibraryFolder {
    }

    /** Nothing exists at the path. */
    record Missing(Path path) implements LibraryFolder {
    }

    /** The path names a file, not a folder. */
    record NotAFolder(Path path) implements LibraryFolder {
    }

    /** The folder exists but cannot be listed. */
    record Unreadable(Path path, String reason) implements LibraryFolder {
    }

    /** Inspects {@code path}, stopping at the first audio file found. */
    static LibraryFolder inspect(Path path) {
        Path folder = path.toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            return new Missing(folder);
        }
        if (!Files.isDirectory(folder)) {
            return new NotAFolder(folder);
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            return new Unreadable(folder, "permission denied");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            boolean hasAudio = files.anyMatch(f -> AudioFileTypes.isAudio(f) && Files.isRegularFile(f));
            return hasAudio ? new Usable(folder) : new Empty(folder);
        } catch (IOException | UncheckedIOException e) {
            return new Unreadable(folder, e.getMessage());
        }
    }
}
