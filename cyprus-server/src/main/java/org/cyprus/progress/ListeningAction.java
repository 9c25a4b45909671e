package org.cyprus.progress;

import java.util.Locale;
import java.util.Optional;

/** What a device says happened at a position of a book. */
public enum ListeningAction {
    /** Playback started (or the book was opened) at the position; moves nothing by itself. */
    PLAY,
    /** A tick while playing: playback has advanced to the position. */
    PROGRESS,
    /** Playback stopped at the position. */
    PAUSE,
    /** The listener deliberately moved to the position. */
    SEEK,
    /** The listener marked the book finished. */
    FINISH,
    /** The listener started the book over from the beginning. */
    RESET;

    /** The name used on the wire ({@code play}, {@code progress}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListeningAction> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ListeningAction a : values()) {
            if (a.wireName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** A deliberate act of the listener: it may move the book without having played up to the position. */
    boolean deliberate() {
        return this == SEEK || this == FINISH || this == RESET;
    }

    /** Playback advancing, which moves the book when it continues this device's own listening. */
    boolean advancing() {
        return this == PROGRESS || this == PAUSE;
    }
}
