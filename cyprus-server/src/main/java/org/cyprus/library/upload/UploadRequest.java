package org.cyprus.library.upload;

import java.util.List;
import java.util.Optional;

/**
 * An upload of one book.
 *
 * @param author where to file it: the author folder (with {@code title}), unless {@code folder} is given
 * @param title  the title folder
 * @param folder an explicit folder inside the library, {@code /}-separated
 * @param files  the files, audio and pictures (and the known sidecars)
 */
public record UploadRequest(Optional<String> author, Optional<String> title, Optional<String> folder, List<IncomingFile> files) {
    public UploadRequest {
        files = List.copyOf(files);
    }
}
