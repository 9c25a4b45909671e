package org.cyprus.media.mux;

import java.util.Objects;
import org.cyprus.media.FrameTable;

/**
 * One audio file's stream, ready to be cut into segments: what a decoder must be told ({@link TrackFormat}) and
 * where every frame lies and when it plays ({@link FrameTable}, in {@code format.timescale()} units). Frames are
 * what a packet carries: MPEG audio frames with their headers, AAC access units without any ADTS header.
 *
 * @param format the stream's format
 * @param frames every frame, in the format's timescale
 */
public record AudioStream(TrackFormat format, FrameTable frames) {

    /** @throws IllegalArgumentException when the table is empty or counts time in another timescale */
    public AudioStream {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(frames, "frames");
        if (frames.frameCount() < 1) {
            throw new IllegalArgumentException("an audio stream needs at least one frame");
        }
        if (frames.timescale() != format.timescale()) {
            throw new IllegalArgumentException("the frame table counts " + frames.timescale()
                    + " units per second, the format " + format.timescale());
        }
    }

    /** Time just past the last frame, in {@code format.timescale()} units. */
    public long endTime() {
        int last = frames.frameCount() - 1;
        return frames.frameTime(last) + frames.frameDuration(last);
    }
}
