package org.cyprus.media.mp3;

/**
 * Seeks with a VBRI table of contents: entry {@code i} gives the bytes of frames
 * {@code [i * framesPerEntry, (i + 1) * framesPerEntry)}, the first entry counted from the VBRI frame's start;
 * positions within an entry are interpolated.
 */
public final class VbriSeeker extends TableSeeker {
    private final int entries;

    private VbriSeeker(FrameClock clock, AnchorTable anchors, long firstFrameOffset, long audioEndByte, int entries) {
        super(clock, anchors, firstFrameOffset, audioEndByte);
        this.entries = entries;
    }

    /** A seeker over {@code vbri}'s table, which must not be empty. */
    static VbriSeeker of(VbriHeader vbri, FrameClock clock, long firstFrameOffset, long audioEndByte) {
        int n = vbri.toc().size();
        long[] frames = new long[n];
        long[] offsets = new long[n];
        long offset = vbri.frameOffset();
        for (int i = 0; i < n; i++) {
            // Both terms stay at most audioEndByte, so the sum cannot overflow whatever the table says.
            offset = Math.min(audioEndByte, offset + Math.min(vbri.toc().get(i), audioEndByte));
            frames[i] = (i + 1L) * vbri.framesPerEntry();
            offsets[i] = offset;
        }
        AnchorTable anchors = new AnchorTable(frames, offsets, clock.frameCount(), firstFrameOffset, audioEndByte);
        return new VbriSeeker(clock, anchors, firstFrameOffset, audioEndByte, n);
    }

    @Override
    public String toString() {
        return "VbriSeeker[" + frameCount() + " frames in " + firstFrameOffset() + ".." + audioEndByte() + ", "
                + entries + " TOC entries]";
    }
}
