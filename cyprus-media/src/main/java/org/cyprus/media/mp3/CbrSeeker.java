package org.cyprus.media.mp3;

/**
 * Seeks in a constant-bitrate stream by proportion: frame {@code k} of {@code n} starts about {@code k/n} of the
 * way through the audio bytes (padding makes frames differ by a slot, so the offset is an estimate within a few
 * bytes of the real frame start).
 */
public final class CbrSeeker extends TableSeeker {

    public CbrSeeker(long firstFrameOffset, long audioEndByte, int frameCount, int samplesPerFrame, int sampleRateHz) {
        this(new FrameClock(frameCount, samplesPerFrame, sampleRateHz), firstFrameOffset, audioEndByte);
    }

    private CbrSeeker(FrameClock clock, long firstFrameOffset, long audioEndByte) {
        super(clock, new AnchorTable(new long[0], new long[0], clock.frameCount(), firstFrameOffset, audioEndByte),
                firstFrameOffset, audioEndByte);
    }

    @Override
    public String toString() {
        return "CbrSeeker[" + frameCount() + " frames in " + firstFrameOffset() + ".." + audioEndByte() + "]";
    }
}
