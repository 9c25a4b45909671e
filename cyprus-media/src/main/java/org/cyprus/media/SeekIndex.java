package org.cyprus.media;

/**
 * Maps times to byte offsets and back for one audio stream. Exact implementations (a frame index, an MP4
 * sample table) answer with the unit that contains the time; approximate ones (constant bitrate, Xing or VBRI
 * tables of contents) answer with their best estimate and say so through {@link #exact()}.
 */
public interface SeekIndex {

    /** Duration of the stream in microseconds. */
    long durationUs();

    /**
     * The unit containing {@code timeUs}; times before the start give the first unit, times at or past the end
     * the last one.
     */
    SeekPoint seek(long timeUs);

    /** Start time in microseconds of the unit containing {@code byteOffset} (clamped into the stream). */
    long timeAt(long byteOffset);

    /** Whether answers are exact unit boundaries rather than estimates. */
    boolean exact();
}
