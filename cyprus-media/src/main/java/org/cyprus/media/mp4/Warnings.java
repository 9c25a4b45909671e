package org.cyprus.media.mp4;

import java.util.ArrayList;
import java.util.List;

/** The problems one probe recovered from, in the order met; capped so that a hostile file cannot flood it. */
final class Warnings {
    static final int MAX_WARNINGS = 40;

    private final List<String> messages = new ArrayList<>();
    private int suppressed;

    /** Adds {@code message} unless the same was already said (a box walked twice warns once). */
    void add(String message) {
        if (messages.contains(message)) {
            return;
        }
        if (messages.size() < MAX_WARNINGS) {
            messages.add(message);
        } else {
            suppressed++;
        }
    }

    List<String> list() {
        if (suppressed == 0) {
            return List.copyOf(messages);
        }
        List<String> all = new ArrayList<>(messages);
        all.add(suppressed + " further warnings suppressed");
        return List.copyOf(all);
    }
}
