package org.cyprus.library.media;

import java.util.Objects;

/**
 * What identifies one version of a file's content: its size and modification time when scanned, and the scan's
 * fingerprint of its audio data. Anything cached about the content (validators, seek indexes, mappings) is keyed on
 * the whole stamp, so a replaced or edited file is never served from what was learned about the old one.
 */
public record FileStamp(long sizeBytes, long mtimeMs, String fingerprint) {
    public FileStamp {
        Objects.requireNonNull(fingerprint);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
