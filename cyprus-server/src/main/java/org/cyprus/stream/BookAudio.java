package org.cyprus.stream;

import java.util.List;
import java.util.Objects;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.TrackFormat;

/**
 * A book's playable parts on one timeline. Parts that follow each other with the same stream parameters form a
 * {@link Group}: within a group, times are counted in the group's timescale without rounding, so the frames of
 * part 2 follow those of part 1 exactly; between groups the timeline continues in microseconds.
 *
 * @param version changes whenever any part's content changes; segment URLs carry it
 */
public record BookAudio(String bookId, long libraryId, String version, List<Part> parts, List<Group> groups) {
    public BookAudio {
        Objects.requireNonNull(bookId);
        Objects.requireNonNull(version);
        parts = List.copyOf(parts);
        groups = List.copyOf(groups);
    }

    /**
     * One file of the book.
     *
     * @param startTime where it starts, in its group's timescale units on the book's timeline
     */
    public record Part(PlayableFile file, AudioStreams.StreamKey key, AudioStream stream, int group, long startTime) {
        public TrackFormat format() {
            return stream.format();
        }

        /** Its length in its timescale's units. */
        public long durationTime() {
            var frames = stream.frames();
            int last = frames.frameCount() - 1;
            return last < 0 ? 0 : frames.frameTime(last) + frames.frameDuration(last) - frames.frameTime(0);
        }

        /** Start of frame {@code index} on the book's timeline, in timescale units. */
        public long frameStart(int index) {
            return startTime + stream.frames().frameTime(index) - stream.frames().frameTime(0);
        }
    }

    /**
     * Consecutive parts with one stream format.
     *
     * @param startTime    where the group starts, in {@code format.timescale()} units on the book's timeline
     * @param durationTime how long it lasts, in the same units
     */
    public record Group(int index, TrackFormat format, int firstPart, int partCount, long startTime, long durationTime) {
        public long startUs() {
            return Timescales.toMicros(startTime, format.timescale());
        }

        public long endUs() {
            return Timescales.toMicros(startTime + durationTime, format.timescale());
        }
    }

    public long durationUs() {
        return groups.isEmpty() ? 0 : groups.getLast().endUs();
    }

    /** Whether every part has the same stream format, so one continuous stream can carry the whole book. */
    public boolean uniform() {
        return groups.size() <= 1;
    }
}
