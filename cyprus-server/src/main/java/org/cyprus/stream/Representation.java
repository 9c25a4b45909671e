package org.cyprus.stream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the RFC 9110 rules need to know of the selected representation: its length and its two validators.
 *
 * @param lengthBytes  its complete length
 * @param entityTag    its current entity tag (strong)
 * @param modified     when it was last modified, at full precision
 */
public record Representation(long lengthBytes, EntityTag entityTag, Instant modified) {
    public Representation {
        Objects.requireNonNull(entityTag);
        Objects.requireNonNull(modified);
        if (lengthBytes < 0) {
            throw new IllegalArgumentException("negative length");
        }
    }

    /** The {@code Last-Modified} value: the modification time to the second, as an HTTP-date carries it (§8.8.2). */
    public Instant lastModified() {
        return modified.truncatedTo(ChronoUnit.SECONDS);
    }
}
