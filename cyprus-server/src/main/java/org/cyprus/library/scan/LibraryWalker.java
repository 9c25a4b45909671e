package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cyprus.library.AudioFileTypes;
import org.cyprus.library.NaturalOrder;

/**
 * Walks a library root and groups its audio into books, by the conventions of FIELD: the deepest folder holding
 * audio is a book; {@code CD1}, {@code Disc 2}, {@code Part 3} folders fold into their parent book; an audio file
 * directly in the root is a book of its own; several {@code .m4b} files side by side are one book each (an M4B is a
 * whole book by convention). Hidden entries, folders holding a {@code .ignore} file, system folders and unfinished
 * downloads ({@code .part}, {@code .tmp} …) are skipped. Symbolic links are not followed, so a walk never leaves
 * its root.
 */
public final class LibraryWalker {
    private static final Pattern DISC_FOLDER = Pattern.compile(
            "^(?:cd|disc|disk|part|pt)[\\s._-]*\\d{1,3}(?:\\b.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SKIPPED_FOLDERS = Set.of("@eadir", "#recycle", "$recycle.bin", "lost+found", "#snapshot");
    private static final Set<String> UNFINISHED = Set.of("part", "tmp", "temp", "crdownload", "download", "partial", "!qb", "!ut");
    private static final int MAX_DEPTH = 32;

    private LibraryWalker() {
    }

    /**
     * The books under {@code folder}, which is {@code root} or a folder inside it; {@code problems} hears about
     * folders that could not be read (the walk goes on).
     */
    public static List<BookFolder> walk(Path root, Path folder, Consumer<String> problems) {
        List<BookFolder> books = new ArrayList<>();
        Path start = folder.toAbsolutePath().normalize();
        Path normalRoot = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return books; // a folder that was deleted: its books are missing
        }
        if (start.equals(normalRoot)) {
            visitRoot(normalRoot, books, problems);
        } else {
            // A sub-folder scan: the sub-folder may itself be a disc folder of a book above it.
            Path bookFolder = isDiscFolder(start) && !start.getParent().equals(normalRoot) ? start.getParent() : start;
            visit(normalRoot, bookFolder, 0, books, problems);
        }
        return books;
    }

    /** Whether a file name is an audio file the library takes (audio extension, not hidden, not unfinished). */
    public static boolean isLibraryAudio(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && AudioFileTypes.isAudio(file);
    }

    static String relativeKey(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static void visitRoot(Path root, List<BookFolder> books, Consumer<String> problems) {
        Listing listing = list(root, problems);
        for (Path file : listing.audio()) {
            String name = file.getFileName().toString();
            String title = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            books.add(new BookFolder(root, relativeKey(root, file), root, List.of(title), List.of(file), true));
        }
        for (Path sub : listing.folders()) {
            visit(root, sub, 1, books, problems);
        }
    }

    private static void visit(Path root, Path folder, int depth, List<BookFolder> books, Consumer<String> problems) {
        if (depth > MAX_DEPTH) {
            problems.accept("skipped " + folder + ": nested more than " + MAX_DEPTH + " folders deep");
            return;
        }
        Listing listing = list(folder, problems);
        if (listing.ignored()) {
            return;
        }
        List<Path> audio = new ArrayList<>(listing.audio());
        List<Path> otherFolders = new ArrayList<>();
        for (Path sub : listing.folders()) {
            if (isDiscFolder(sub)) {
                audio.addAll(discAudio(sub, problems));
            } else {
                otherFolders.add(sub);
            }
        }
        if (!audio.isEmpty()) {
            List<String> segments = List.of(root.relativize(folder).toString().split(java.util.regex.Pattern.quote(java.io.File.separator)));
            if (audio.size() > 1 && audio.stream().allMatch(LibraryWalker::isM4b)) {
                for (Path file : audio) {
                    String name = file.getFileName().toString();
                    List<String> fileSegments = new ArrayList<>(segments);
                    fileSegments.add(name.substring(0, name.lastIndexOf('.')));
                    books.add(new BookFolder(root, relativeKey(root, file), file.getParent(), fileSegments, List.of(file), true));
                }
            } else {
                books.add(new BookFolder(root, relativeKey(root, folder), folder, segments, audio, false));
            }
        }
        for (Path sub : otherFolders) {
            visit(root, sub, depth + 1, books, problems);
        }
    }

    /** Audio inside a disc folder, including deeper disc folders ({@code Part 1/CD 2}). */
    private static List<Path> discAudio(Path disc, Consumer<String> problems) {
        Listing listing = list(disc, problems);
        if (listing.ignored()) {
            return List.of();
        }
        List<Path> audio = new ArrayList<>(listing.audio());
        for (Path sub : listing.folders()) {
            if (isDiscFolder(sub)) {
                audio.addAll(discAudio(sub, problems));
            }
        }
        return audio;
    }

    public static boolean isDiscFolder(Path folder) {
        return DISC_FOLDER.matcher(folder.getFileName().toString().strip()).matches();
    }

    private static boolean isM4b(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".m4b");
    }

    private record Listing(List<Path> audio, List<Path> folders, boolean ignored) {
    }

    private static Listing list(Path folder, Consumer<String> problems) {
        TreeMap<String, Path> audio = new TreeMap<>(NaturalOrder.INSTANCE);
        TreeMap<String, Path> folders = new TreeMap<>(NaturalOrder.INSTANCE);
        boolean ignored = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(".ignore")) {
                    ignored = true;
                }
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (!SKIPPED_FOLDERS.contains(name.toLowerCase(Locale.ROOT))) {
                        folders.put(name, entry);
                    }
                } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && isLibraryAudio(entry) && !unfinished(name)) {
                    audio.put(name, entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.accept("cannot read folder " + folder + ": " + e.getMessage());
        }
        return new Listing(List.copyOf(audio.values()), List.copyOf(folders.values()), ignored);
    }

    private static boolean unfinished(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : UNFINISHED) {
            if (lower.endsWith("." + ext) || lower.contains("." + ext + ".")) {
                return true;
            }
        }
        return false;
    }
}
