package org.cyprus.progress;

import java.util.Optional;

/**
 * Where a book stands for a listener: the position every device resumes from.
 *
 * @param bookId        the book
 * @param positionMs    the position on the book's timeline
 * @param version       the listener's change counter when the position last moved
 * @param deviceId      the device whose listening moved it last
 * @param activityAtMs  when that listening happened, on the server's clock
 * @param finished      whether the current pass is finished
 * @param finishedAtMs  when the book was last finished, kept across new passes
 * @param finishCount   how many times it was finished
 */
public record BookPosition(String bookId, long positionMs, long version, String deviceId, long activityAtMs,
                           boolean finished, Optional<Long> finishedAtMs, int finishCount) {

    /** The same position, moved by {@code deviceId}'s listening at {@code atMs}. */
    BookPosition movedTo(long newPositionMs, long newVersion, String byDevice, long atMs) {
        return new BookPosition(bookId, newPositionMs, newVersion, byDevice, atMs, finished, finishedAtMs, finishCount);
    }

    BookPosition finishedAt(long atMs) {
        return new BookPosition(bookId, positionMs, version, deviceId, activityAtMs, true,
                finished ? finishedAtMs : Optional.of(atMs), finished ? finishCount : finishCount + 1);
    }

    BookPosition newPass() {
        return new BookPosition(bookId, positionMs, version, deviceId, activityAtMs, false, finishedAtMs, finishCount);
    }
}
