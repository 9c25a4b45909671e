package org.cyprus.progress;

import java.util.Locale;

/** What a device is doing with a book. */
public enum PlaybackState {
    PLAYING, PAUSED, FINISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
