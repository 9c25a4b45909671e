package org.cyprus.library.upload;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cyprus.library.Library;
import org.cyprus.library.LibraryException;
import org.cyprus.library.LibraryPaths;
import org.cyprus.library.LibraryService;
import org.cyprus.library.PublicIds;
import org.cyprus.library.scan.ScanReport;
import org.cyprus.media.TagKey;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;

/**
 * Takes a book uploaded into a library: writes its files to a hidden staging folder inside the library's first
 * root (so the final move is a rename on the same file system), checks every file's name and content, then moves
 * the book into {@code Author/Title} (or the folder asked for) in one atomic rename and scans just that folder. If
 * any file is refused, nothing is kept.
 */
public final class Uploads {
    private static final String STAGING_PREFIX = ".cyprus-upload-";
    private static final int MAX_NAME_LENGTH = 120;

    private final LibraryService libraries;
    private final UploadLimits limits;

    public Uploads(LibraryService libraries, UploadLimits limits) {
        this.libraries = libraries;
        this.limits = limits;
    }

    public UploadLimits limits() {
        return limits;
    }

    public UploadResult receive(long libraryId, UploadRequest request) throws IOException {
        Library library = libraries.library(libraryId);
        if (request.files().isEmpty()) {
            return new UploadResult.Rejected("the upload holds no files", false, List.of());
        }
        if (request.files().size() > limits.maxFiles()) {
            return new UploadResult.Rejected("an upload holds at most " + limits.maxFiles() + " files", false, List.of());
        }
        long total = request.files().stream().mapToLong(IncomingFile::sizeBytes).sum();
        if (total > limits.maxTotalBytes()) {
            return new UploadResult.Rejected("an upload holds at most " + limits.maxTotalBytes() + " bytes", false, List.of());
        }
        Path root = library.roots().getFirst().path();
        Path staging = root.resolve(STAGING_PREFIX + PublicIds.next());
        Path content = staging.resolve("book");
        Files.createDirectories(content);
        try {
            List<String> paths = UploadPaths.stripCommonFolder(request.files().stream().map(IncomingFile::relativePath).toList());
            List<UploadResult.FileVerdict> verdicts = new ArrayList<>();
            boolean refused = false;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.files().size(); i++) {
                IncomingFile file = request.files().get(i);
                String path = paths.get(i);
                UploadResult.FileVerdict verdict = stage(content, file, path, seen);
                refused |= !verdict.accepted();
                verdicts.add(verdict);
            }
            if (refused) {
                return new UploadResult.Rejected("some files were refused; nothing was kept", false, verdicts);
            }
            if (verdicts.stream().noneMatch(v -> v.kind().equals("audio"))) {
                return new UploadResult.Rejected("the upload holds no audio file", false, verdicts);
            }
            String folder = targetFolder(request, content, UploadPaths.commonFolder(
                    request.files().stream().map(IncomingFile::relativePath).toList()));
            Path target = LibraryPaths.resolveInside(root, folder);
            if (Files.exists(target)) {
                return new UploadResult.Rejected("the folder '" + folder + "' exists already in the library", true, verdicts);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                return new UploadResult.Rejected("the folder '" + folder + "' exists already in the library", true, verdicts);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot move the upload into place atomically: " + e.getMessage(), e);
            }
            ScanReport report = libraries.scan(libraryId, Optional.of(folder));
            return new UploadResult.Accepted(folder, report.changes().stream().map(ScanReport.Change::bookId).findFirst(), verdicts);
        } finally {
            deleteTree(staging);
        }
    }

    private UploadResult.FileVerdict stage(Path content, IncomingFile file, String path, Set<String> seen) {
        // The path as the client gave it is checked, not only what is left once a shared first folder is removed.
        Optional<String> problem = UploadPaths.problemWith(file.relativePath()).or(() -> UploadPaths.problemWith(path));
        if (problem.isPresent()) {
            return new UploadResult.FileVerdict(file.relativePath(), false, "", problem.get());
        }
        if (!seen.add(path.toLowerCase(java.util.Locale.ROOT))) {
            return new UploadResult.FileVerdict(file.relativePath(), false, "", "the upload holds this path twice");
        }
        if (file.sizeBytes() > limits.maxFileBytes()) {
            return new UploadResult.FileVerdict(file.relativePath(), false, "", "larger than " + limits.maxFileBytes() + " bytes");
        }
        Path target = LibraryPaths.resolveInside(content, path);
        try {
            Files.createDirectories(target.getParent());
            file.writer().writeTo(target);
        } catch (IOException | LibraryException e) {
            return new UploadResult.FileVerdict(file.relativePath(), false, "", "cannot be stored: " + e.getMessage());
        }
        UploadedContent.Verdict verdict = UploadedContent.judge(target);
        return new UploadResult.FileVerdict(file.relativePath(), verdict.kind().isPresent(), verdict.kind().orElse(""), verdict.reason());
    }

    /** The folder asked for; else Author/Title from the request, the audio's tags, or the uploaded folder's name. */
    private static String targetFolder(UploadRequest request, Path content, Optional<String> uploadedFolder) {
        if (request.folder().filter(f -> !f.isBlank()).isPresent()) {
            String folder = request.folder().get().strip().replaceAll("^/+|/+$", "");
            UploadPaths.problemWith(folder).ifPresent(p -> {
                throw new LibraryException(LibraryException.Kind.INVALID, "folder '" + folder + "': " + p);
            });
            return folder;
        }
        Optional<org.cyprus.media.Tags> tags = firstAudioTags(content);
        String author = request.author().filter(a -> !a.isBlank())
                .or(() -> tags.flatMap(t -> t.first(TagKey.ALBUM_ARTIST).or(() -> t.first(TagKey.ARTIST))))
                .orElse("Unknown Author");
        String title = request.title().filter(t -> !t.isBlank())
                .or(() -> tags.flatMap(t -> t.first(TagKey.ALBUM).or(() -> t.first(TagKey.TITLE))))
                .or(() -> uploadedFolder)
                .orElse("Untitled");
        return UploadPaths.segment(author, MAX_NAME_LENGTH) + "/" + UploadPaths.segment(title, MAX_NAME_LENGTH);
    }

    private static Optional<org.cyprus.media.Tags> firstAudioTags(Path content) {
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (MediaProbe.probe(file) instanceof ProbeResult.Probed probed && !probed.info().tags().isEmpty()) {
                    return Optional.of(probed.info().tags());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover hidden staging folder is ignored by scans and retried by nothing; log-worthy but harmless
        }
    }
}
