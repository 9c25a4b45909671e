package org.cyprus.media;

import java.util.Objects;

/**
 * A named span of a file's timeline.
 *
 * @param title   the chapter's title; empty when the file gives none
 * @param startUs start, in microseconds from the start of the file's audio
 * @param endUs   end, in microseconds; not before {@code startUs}
 */
public record Chapter(String title, long startUs, long endUs) {
    public Chapter {
        Objects.requireNonNull(title, "title");
        if (startUs < 0 || endUs < startUs) {
            throw new IllegalArgumentException("chapter span " + startUs + ".." + endUs);
        }
    }
}
