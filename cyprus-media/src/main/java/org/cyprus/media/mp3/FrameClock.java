package org.cyprus.media.mp3;

/**
 * Frame times of a stream with one sample rate and frame length: frame {@code k} starts at
 * {@code k * samplesPerFrame / sampleRateHz} seconds.
 *
 * @param frameCount      audio frames, at least 1
 * @param samplesPerFrame samples per frame (384, 576 or 1152)
 * @param sampleRateHz    samples per second
 */
record FrameClock(int frameCount, int samplesPerFrame, int sampleRateHz) {
    FrameClock {
        if (frameCount < 1 || samplesPerFrame < 1 || sampleRateHz < 1) {
            throw new IllegalArgumentException(frameCount + " frames of " + samplesPerFrame + " at " + sampleRateHz + " Hz");
        }
    }

    /** Start of frame {@code frame} in microseconds (frame {@code frameCount} gives the duration). */
    long timeUs(long frame) {
        return MulDiv.floor(frame * samplesPerFrame, 1_000_000L, sampleRateHz);
    }

    long durationUs() {
        return timeUs(frameCount);
    }

    /** The frame playing at {@code timeUs}, clamped into {@code [0, frameCount)}. */
    int frameAt(long timeUs) {
        if (timeUs <= 0) {
            return 0;
        }
        long frame = MulDiv.floor(timeUs, sampleRateHz, 1_000_000L * samplesPerFrame);
        return (int) Math.min(frame, frameCount - 1L);
    }
}
