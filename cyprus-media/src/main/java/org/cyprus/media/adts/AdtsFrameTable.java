package org.cyprus.media.adts;

import java.util.Arrays;
import org.cyprus.media.FrameTable;
import org.cyprus.media.SeekPoint;

/**
 * Every ADTS frame of a stream: where it lies and when it plays, in samples at the stream's rate. Built by
 * walking the frame headers, so it is exact.
 */
final class AdtsFrameTable implements FrameTable {
    private final int sampleRateHz;
    private final long[] offsets;
    private final char[] sizes;
    private final int[] firstBlock;
    private final int count;

    private AdtsFrameTable(int sampleRateHz, long[] offsets, char[] sizes, int[] firstBlock, int count) {
        this.sampleRateHz = sampleRateHz;
        this.offsets = offsets;
        this.sizes = sizes;
        this.firstBlock = firstBlock;
        this.count = count;
    }

    /** Collects frames in file order. */
    static final class Builder {
        private long[] offsets = new long[256];
        private char[] sizes = new char[256];
        private int[] firstBlock = new int[257];
        private int count;

        void add(long offset, int sizeBytes, int blocks) {
            if (count == offsets.length) {
                int grown = Math.max(256, count + (count >> 1));
                offsets = Arrays.copyOf(offsets, grown);
                sizes = Arrays.copyOf(sizes, grown);
                firstBlock = Arrays.copyOf(firstBlock, grown + 1);
            }
            offsets[count] = offset;
            sizes[count] = (char) sizeBytes;
            firstBlock[count + 1] = firstBlock[count] + blocks;
            count++;
        }

        int count() {
            return count;
        }

        long totalBlocks() {
            return firstBlock[count];
        }

        AdtsFrameTable build(int sampleRateHz) {
            return new AdtsFrameTable(sampleRateHz, offsets, sizes, firstBlock, count);
        }
    }

    @Override
    public long timescale() {
        return sampleRateHz;
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public long frameOffset(int index) {
        return offsets[index];
    }

    @Override
    public int frameSize(int index) {
        return sizes[index];
    }

    @Override
    public long frameTime(int index) {
        return (long) firstBlock[index] * AdtsHeader.SAMPLES_PER_BLOCK;
    }

    @Override
    public long frameDuration(int index) {
        return (long) (firstBlock[index + 1] - firstBlock[index]) * AdtsHeader.SAMPLES_PER_BLOCK;
    }

    @Override
    public int frameAt(long time) {
        long block = Math.max(0, time) / AdtsHeader.SAMPLES_PER_BLOCK;
        int found = Arrays.binarySearch(firstBlock, 0, count, (int) Math.min(block, Integer.MAX_VALUE));
        int index = found >= 0 ? found : -found - 2;
        return Math.clamp(index, 0, Math.max(0, count - 1));
    }

    /** Clamps the time first, so that no time can overflow the conversion to samples. */
    @Override
    public SeekPoint seek(long timeUs) {
        if (count == 0) {
            return new SeekPoint(0, 0);
        }
        return FrameTable.super.seek(Math.clamp(timeUs, 0, durationUs()));
    }

    @Override
    public long timeAt(long byteOffset) {
        if (count == 0) {
            return 0;
        }
        int found = Arrays.binarySearch(offsets, 0, count, byteOffset);
        int index = Math.clamp(found >= 0 ? found : -found - 2, 0, count - 1);
        return toMicros(frameTime(index));
    }
}
