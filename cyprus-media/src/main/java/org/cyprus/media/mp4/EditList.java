package org.cyprus.media.mp4;

import java.util.List;

/** An edit list ({@code elst}, ISO/IEC 14496-12 §8.6.6): which spans of the media make up the presentation. */
record EditList(List<Edit> edits) {
    static final EditList NONE = new EditList(List.of());

    EditList {
        edits = List.copyOf(edits);
    }

    /**
     * One edit.
     *
     * @param segmentDuration in the movie timescale
     * @param mediaTime       start in the media timescale, {@code -1} for an empty edit (a pause)
     * @param mediaRate       the integer part of the rate: 1 to play, 0 to dwell
     */
    record Edit(long segmentDuration, long mediaTime, int mediaRate) {
        boolean empty() {
            return mediaTime == -1;
        }
    }
}
