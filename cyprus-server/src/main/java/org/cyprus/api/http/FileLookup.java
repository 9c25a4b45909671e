package org.cyprus.api.http;

import java.io.IOException;
import java.util.Optional;
import org.cyprus.auth.Principal;
import org.cyprus.library.PublicIds;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.library.media.RecentMediaFiles;
import org.cyprus.stream.FileVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds an audio file a principal may read, and what is on disk for it now. */
final class FileLookup {
    private static final Logger log = LoggerFactory.getLogger("http");

    private final RecentMediaFiles files;
    private final Authorize authorize;

    FileLookup(RecentMediaFiles files, Authorize authorize) {
        this.files = files;
        this.authorize = authorize;
    }

    /** A file the caller may read and what is on disk for it now. */
    record Located(PlayableFile file, FileVersion version) {
    }

    /**
     * The file, if the caller may read it, as it is on disk now. A file gone from disk answers 404, not 410 (RFC 9110
     * §15.5.11 keeps 410 for a condition "likely to be permanent", and a library's files come back: a disk remounted,
     * a folder moved back, a rescan). What was remembered of the file is dropped and the database asked once more
     * first, in case the file moved.
     *
     * @throws ApiException 404 for a file that does not exist, that the caller may not read, or that is not on disk
     */
    Located locate(Principal principal, String id) {
        PlayableFile file = readable(principal, id);
        Optional<FileVersion> version = onDisk(file);
        if (version.isEmpty()) {
            files.forget(id);
            file = readable(principal, id);
            version = onDisk(file);
        }
        if (version.isEmpty()) {
            throw ApiException.notFound("The file " + id + " is not on disk now: it was moved or deleted since the library "
                    + "was last scanned.");
        }
        return new Located(file, version.get());
    }

    /**
     * As {@link #locate}, from what is remembered of the file only, for callers that must not wait on the database:
     * empty when the file is not remembered, may not be read, or is not on disk as remembered.
     */
    Optional<Located> locateRemembered(Principal principal, String id) {
        Optional<PlayableFile> file = files.remembered(id).filter(f -> authorize.mayRead(principal, f))
                .filter(f -> f.problem().isEmpty() || !f.problem().get().code().equals("unsafe_path"));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return onDisk(file.get()).map(version -> new Located(file.get(), version));
    }

    /** The file, if the caller may read its book; otherwise 404, exactly as for a file that does not exist. */
    private PlayableFile readable(Principal principal, String id) {
        if (!PublicIds.looksValid(id)) {
            throw notFound(id);
        }
        PlayableFile file = files.file(id).orElseThrow(() -> notFound(id));
        authorize.file(principal, file);
        // A stored path that does not resolve safely inside its library folder is never opened.
        if (file.problem().filter(p -> p.code().equals("unsafe_path")).isPresent()) {
            throw notFound(id);
        }
        return file;
    }

    private static Optional<FileVersion> onDisk(PlayableFile file) {
        try {
            return FileVersion.current(file.path(), file.stamp().fingerprint());
        } catch (IOException e) {
            log.warn("Cannot look at {} on disk: {}", file.path(), e.toString());
            return Optional.empty();
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("There is no file " + id + ".");
    }
}
