package org.cyprus.media.mux;

import org.cyprus.media.FrameTable;

/** A made-up table of equal frames back to back from offset 0, for limits no real fixture reaches. */
record UniformTable(long timescale, int frameCount, int sizeBytes, long duration) implements FrameTable {

    @Override
    public long frameOffset(int index) {
        return (long) index * sizeBytes;
    }

    @Override
    public int frameSize(int index) {
        return sizeBytes;
    }

    @Override
    public long frameTime(int index) {
        return index * duration;
    }

    @Override
    public long frameDuration(int index) {
        return duration;
    }

    @Override
    public int frameAt(long time) {
        return (int) Math.clamp(time / duration, 0, frameCount - 1);
    }

    @Override
    public long timeAt(long byteOffset) {
        return toMicros(frameTime((int) Math.clamp(byteOffset / sizeBytes, 0, frameCount - 1)));
    }
}
