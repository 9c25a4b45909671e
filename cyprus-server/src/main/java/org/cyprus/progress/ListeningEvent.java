package org.cyprus.progress;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a device reports about a book.
 *
 * @param bookId       the book
 * @param action       what happened
 * @param positionMs   where, on the book's timeline
 * @param seq          the device's own sequence number; an event whose number is not above the last one seen is a replay
 * @param baseVersion  the version of the book position the device last saw (0 when it has seen none)
 * @param deviceTimeMs the device's clock when it happened; used only for events sent from offline storage
 * @param speed        playback speed (1.0 is normal)
 */
public record ListeningEvent(String bookId, ListeningAction action, long positionMs, long seq, long baseVersion,
                             Optional<Long> deviceTimeMs, double speed) {
    public ListeningEvent {
        Objects.requireNonNull(bookId);
        Objects.requireNonNull(action);
        Objects.requireNonNull(deviceTimeMs);
        if (positionMs < 0) {
            throw new IllegalArgumentException("negative position");
        }
    }
}
