package org.cyprus.media.mp3;

import java.util.List;

/**
 * Seeks with a Xing table of contents: entry {@code i} gives, in 256ths of the stream's bytes counted from the
 * Xing frame, where {@code i}% of the duration is reached; positions in between are interpolated.
 */
public final class XingSeeker extends TableSeeker {
    private final List<Integer> toc;

    private XingSeeker(FrameClock clock, AnchorTable anchors, long firstFrameOffset, long audioEndByte, List<Integer> toc) {
        super(clock, anchors, firstFrameOffset, audioEndByte);
        this.toc = toc;
    }

    /**
     * A seeker over {@code xing}'s table, which must have its 100 entries; {@code streamBytes} is the byte count the
     * table's fractions apply to (the header's own, or the measured length from the Xing frame).
     */
    static XingSeeker of(XingHeader xing, long streamBytes, FrameClock clock, long firstFrameOffset, long audioEndByte) {
        List<Integer> toc = xing.toc();
        long[] frames = new long[toc.size()];
        long[] offsets = new long[toc.size()];
        for (int percent = 0; percent < toc.size(); percent++) {
            frames[percent] = (long) clock.frameCount() * percent / XingHeader.TOC_ENTRIES;
            offsets[percent] = xing.frameOffset() + MulDiv.floor(toc.get(percent), streamBytes, 256);
        }
        AnchorTable anchors = new AnchorTable(frames, offsets, clock.frameCount(), firstFrameOffset, audioEndByte);
        return new XingSeeker(clock, anchors, firstFrameOffset, audioEndByte, toc);
    }

    /** The table of contents. */
    public List<Integer> toc() {
        return toc;
    }

    @Override
    public String toString() {
        return "XingSeeker[" + frameCount() + " frames in " + firstFrameOffset() + ".." + audioEndByte() + ", TOC "
                + toc.subList(0, 10) + "...]";
    }
}
