package org.cyprus.media;

/**
 * Exact, unit-by-unit knowledge of an audio stream: where every MP3 frame or AAC access unit lies and when it
 * plays. Times are in {@link #timescale()} units per second (the sample rate for MP3, the media timescale for
 * MP4). This is what seeking to the exact frame and cutting segments at frame boundaries rest on.
 */
public interface FrameTable extends SeekIndex {

    /** Units of frame times per second. */
    long timescale();

    /** Number of frames (access units). */
    int frameCount();

    /** Byte offset of frame {@code index} in the file. */
    long frameOffset(int index);

    /** Size in bytes of frame {@code index}. */
    int frameSize(int index);

    /** Start time of frame {@code index}, in {@link #timescale()} units. */
    long frameTime(int index);

    /** Duration of frame {@code index}, in {@link #timescale()} units. */
    long frameDuration(int index);

    /** Index of the frame that contains {@code time} (timescale units), clamped into {@code [0, frameCount)}. */
    int frameAt(long time);

    @Override
    default boolean exact() {
        return true;
    }

    @Override
    default SeekPoint seek(long timeUs) {
        int index = frameAt(toTimescale(timeUs));
        return new SeekPoint(frameOffset(index), toMicros(frameTime(index)));
    }

    @Override
    default long durationUs() {
        int last = frameCount() - 1;
        return last < 0 ? 0 : toMicros(frameTime(last) + frameDuration(last));
    }

    /** Converts microseconds to timescale units, rounding down. */
    default long toTimescale(long timeUs) {
        return Math.floorDiv(Math.multiplyExact(Math.max(0, timeUs), timescale()), 1_000_000L);
    }

    /** Converts timescale units to microseconds, rounding down. */
    default long toMicros(long time) {
        return Math.floorDiv(Math.multiplyExact(time, 1_000_000L), timescale());
    }
}
