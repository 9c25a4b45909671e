package org.cyprus.library;

import java.util.Objects;
import java.util.Optional;

/**
 * One audio file of a library, as last seen.
 *
 * @param id          stable public id (survives renames and content-preserving edits)
 * @param rootId      the library root it lies under
 * @param path        its path relative to the root, {@code /}-separated
 * @param sizeBytes   size when last probed
 * @param mtimeMs     modification time when last probed
 * @param fingerprint hash of the audio data's first and last 64 KiB and its length: survives renames and tag edits
 * @param facts       what the probe found, or empty when the file could not be read
 * @param problem     why the file could not be read, when it could not
 */
public record AudioFile(String id, long rootId, String path, long sizeBytes, long mtimeMs, String fingerprint,
                        Optional<AudioFacts> facts, Optional<FileProblem> problem) {
    public AudioFile {
        Objects.requireNonNull(id);
        Objects.requireNonNull(path);
        Objects.requireNonNull(fingerprint);
        Objects.requireNonNull(facts);
        Objects.requireNonNull(problem);
        if (facts.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("a file has either facts or a problem");
        }
    }

    /** The file's name, the last part of its path. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public long durationUs() {
        return facts.map(AudioFacts::durationUs).orElse(0L);
    }

    /** Why a file could not be used: a stable code and a message for people. */
    public record FileProblem(String code, String message) {
    }
}
