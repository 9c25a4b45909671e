package org.cyprus.library.upload;

import java.util.List;
import java.util.Optional;

/** What became of an upload: accepted into a folder (and scanned into a book), or rejected with nothing left behind. */
public sealed interface UploadResult {
    List<FileVerdict> files();

    /** The book's files are in the library, at {@code folder}, and scanned. */
    record Accepted(String folder, Optional<String> bookId, List<FileVerdict> files) implements UploadResult {
    }

    /** Nothing was kept; {@code reason} says why, and the verdicts say which files were at fault. */
    record Rejected(String reason, boolean conflict, List<FileVerdict> files) implements UploadResult {
    }

    /** One file's verdict; {@code reason} is empty for accepted files. */
    record FileVerdict(String path, boolean accepted, String kind, String reason) {
    }
}
