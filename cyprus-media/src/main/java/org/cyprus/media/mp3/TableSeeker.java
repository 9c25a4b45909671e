package org.cyprus.media.mp3;

import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;

/**
 * What the approximate seekers share: a time maps to the frame containing it (exact, from the frame clock), and
 * the frame to a byte offset interpolated in a table of anchors; a byte offset maps back the same way. Answers
 * are frame-aligned in time but estimates in bytes, so {@link #exact()} is false.
 */
abstract sealed class TableSeeker implements SeekIndex permits CbrSeeker, XingSeeker, VbriSeeker {
    private final FrameClock clock;
    private final AnchorTable anchors;
    private final long firstFrameOffset;
    private final long audioEndByte;

    TableSeeker(FrameClock clock, AnchorTable anchors, long firstFrameOffset, long audioEndByte) {
        if (audioEndByte <= firstFrameOffset) {
            throw new IllegalArgumentException("audio range " + firstFrameOffset + ".." + audioEndByte);
        }
        this.clock = clock;
        this.anchors = anchors;
        this.firstFrameOffset = firstFrameOffset;
        this.audioEndByte = audioEndByte;
    }

    @Override
    public long durationUs() {
        return clock.durationUs();
    }

    /** The estimated start of the frame containing {@code timeUs}, with that frame's exact start time. */
    @Override
    public SeekPoint seek(long timeUs) {
        int frame = clock.frameAt(timeUs);
        long offset = Math.min(anchors.offsetOf(frame), audioEndByte - 1);
        return new SeekPoint(Math.max(offset, firstFrameOffset), clock.timeUs(frame));
    }

    @Override
    public long timeAt(long byteOffset) {
        long frame = Math.min(anchors.frameAt(byteOffset), clock.frameCount() - 1L);
        return clock.timeUs(Math.max(0, frame));
    }

    @Override
    public boolean exact() {
        return false;
    }

    public long firstFrameOffset() {
        return firstFrameOffset;
    }

    public long audioEndByte() {
        return audioEndByte;
    }

    public int frameCount() {
        return clock.frameCount();
    }

    FrameClock clock() {
        return clock;
    }
}
