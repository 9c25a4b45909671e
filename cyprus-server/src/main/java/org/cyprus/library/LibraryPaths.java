package org.cyprus.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Paths that come from outside (a scan sub-folder, an upload target) resolved safely inside a root: segment by
 * segment, refusing empty, {@code .} and {@code ..} segments, NUL and backslashes, hidden names, and symbolic links —
 * so neither {@code ../} nor a link can lead out of the root, and {@code /books-private} is never mistaken for being
 * inside {@code /books} (paths are compared by segment, not by string prefix).
 */
public final class LibraryPaths {
    private LibraryPaths() {
    }

    /**
     * Resolves {@code relative} ({@code /}-separated) inside {@code root}. The result need not exist; every part of it
     * that exists must be a real folder (or, for the last part, a file), not a link.
     *
     * @throws LibraryException ({@link LibraryException.Kind#INVALID}) when the path is not acceptable
     */
    public static Path resolveInside(Path root, String relative) {
        Path current = root;
        String trimmed = relative.strip();
        if (trimmed.isEmpty()) {
            return root;
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(".")
                    || segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0 || segment.length() > 255) {
                throw new LibraryException(LibraryException.Kind.INVALID, "not an acceptable path inside the library: " + relative);
            }
            try {
                current = current.resolve(segment);
            } catch (InvalidPathException e) {
                throw new LibraryException(LibraryException.Kind.INVALID, "not an acceptable path inside the library: " + relative);
            }
            if (Files.isSymbolicLink(current)) {
                throw new LibraryException(LibraryException.Kind.INVALID, "the path goes through a symbolic link: " + relative);
            }
        }
        if (!current.normalize().startsWith(root.normalize())) {
            throw new LibraryException(LibraryException.Kind.INVALID, "not an acceptable path inside the library: " + relative);
        }
        return current;
    }

    /** The root of {@code roots} that holds {@code path} (compared segment by segment), if any. */
    public static Optional<Library.Root> rootOf(List<Library.Root> roots, Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return roots.stream().filter(r -> normal.startsWith(r.path())).findFirst();
    }

    /** A folder given as a new root: it must exist and be a folder; returns its real path (links resolved). */
    public static Path realFolder(Path folder) {
        try {
            Path real = folder.toAbsolutePath().toRealPath();
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new LibraryException(LibraryException.Kind.INVALID, folder + " is not a folder");
            }
            return real;
        } catch (IOException e) {
            throw new LibraryException(LibraryException.Kind.INVALID, folder + " does not exist or cannot be read");
        }
    }
}
