package org.cyprus.media.mp4;

import java.util.Arrays;
import org.cyprus.media.FrameTable;
import org.cyprus.media.SeekPoint;

/**
 * Where every sample (AAC access unit) of an MP4 audio track lies and when it plays: the exact {@link FrameTable}
 * behind seeking and segmenting. Compact for long books, with no object per sample: sizes are one uniform value or
 * a {@code char[]} (an {@code int[]} only when some sample exceeds 64 KiB), with a running byte total every
 * {@value #CHECKPOINT_SAMPLES} samples; chunks are a {@code long[]} of offsets and an {@code int[]} of first samples;
 * times are the run-length {@code stts} runs with their start times. Every lookup is a binary search plus at most
 * {@value #CHECKPOINT_SAMPLES} additions. Instances are immutable and safe to share.
 */
public final class SampleTable implements FrameTable {
    static final int CHECKPOINT_SHIFT = 6;
    static final int CHECKPOINT_SAMPLES = 1 << CHECKPOINT_SHIFT;

    private final long timescale;
    private final int count;
    private final int uniformSize;
    private final char[] smallSizes;
    private final int[] sizes;
    private final long[] checkpoints;
    private final long[] chunkBase;
    private final long[] chunkOffsets;
    private final int[] chunkFirstSample;
    private final boolean chunksAscending;
    private final int[] runFirstSample;
    private final long[] runStartTime;
    private final long[] runDelta;
    private final long totalDuration;
    private final long totalBytes;

    SampleTable(SampleTableBuilder.Parts parts) {
        this.timescale = parts.timescale();
        this.count = parts.count();
        this.uniformSize = parts.uniformSize();
        this.smallSizes = parts.smallSizes();
        this.sizes = parts.sizes();
        this.checkpoints = parts.checkpoints();
        this.chunkOffsets = parts.chunkOffsets();
        this.chunkFirstSample = parts.chunkFirstSample();
        this.runFirstSample = parts.runFirstSample();
        this.runStartTime = parts.runStartTime();
        this.runDelta = parts.runDelta();
        this.totalDuration = parts.totalDuration();
        this.chunkBase = new long[chunkOffsets.length];
        boolean ascending = true;
        for (int c = 0; c < chunkOffsets.length; c++) {
            chunkBase[c] = chunkOffsets[c] - bytesBefore(chunkFirstSample[c]);
            ascending &= c == 0 || chunkOffsets[c] >= chunkOffsets[c - 1];
        }
        this.chunksAscending = ascending;
        this.totalBytes = bytesBefore(count);
    }

    @Override
    public long timescale() {
        return timescale;
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public long frameOffset(int index) {
        checkIndex(index);
        return chunkBase[chunkOf(index)] + bytesBefore(index);
    }

    @Override
    public int frameSize(int index) {
        checkIndex(index);
        return sizeAt(index);
    }

    @Override
    public long frameTime(int index) {
        checkIndex(index);
        int run = runOf(index);
        return runStartTime[run] + (index - runFirstSample[run]) * runDelta[run];
    }

    @Override
    public long frameDuration(int index) {
        checkIndex(index);
        return runDelta[runOf(index)];
    }

    @Override
    public int frameAt(long time) {
        if (count == 0 || time <= 0) {
            return 0;
        }
        if (time >= totalDuration) {
            return count - 1;
        }
        int run = upperBound(runStartTime, runStartTime.length, time) - 1;
        long delta = runDelta[run];
        long index = runFirstSample[run] + (delta == 0 ? 0 : (time - runStartTime[run]) / delta);
        long runEnd = run + 1 < runFirstSample.length ? runFirstSample[run + 1] : count;
        return (int) Math.min(index, runEnd - 1);
    }

    /** The sum of all sample durations, in {@link #timescale()} units. */
    public long totalDuration() {
        return totalDuration;
    }

    /** The sum of all sample sizes. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Number of chunks (runs of contiguous samples) the samples are stored in. */
    public int chunkCount() {
        return chunkOffsets.length;
    }

    @Override
    public long durationUs() {
        return toMicros(totalDuration);
    }

    @Override
    public SeekPoint seek(long timeUs) {
        if (count == 0) {
            return new SeekPoint(0, 0);
        }
        int index = frameAt(toTimescale(timeUs));
        return new SeekPoint(frameOffset(index), toMicros(frameTime(index)));
    }

    @Override
    public long timeAt(long byteOffset) {
        if (count == 0) {
            return 0;
        }
        int chunk = chunkAtOrBefore(byteOffset);
        if (chunk < 0) {
            return toMicros(frameTime(0));
        }
        int first = chunkFirstSample[chunk];
        int end = chunk + 1 < chunkFirstSample.length ? chunkFirstSample[chunk + 1] : count;
        int low = first;
        int high = end - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (chunkBase[chunk] + bytesBefore(mid) <= byteOffset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return toMicros(frameTime(low));
    }

    /** Saturating, so that no time a hostile file declares can overflow. */
    @Override
    public long toMicros(long time) {
        long seconds = time / timescale;
        if (seconds > Long.MAX_VALUE / 1_000_000L - 1) {
            return Long.MAX_VALUE;
        }
        return seconds * 1_000_000L + (time % timescale) * 1_000_000L / timescale;
    }

    /** Saturating, so that no requested time can overflow. */
    @Override
    public long toTimescale(long timeUs) {
        long us = Math.max(0, timeUs);
        long seconds = us / 1_000_000L;
        if (seconds > Long.MAX_VALUE / timescale - 1) {
            return Long.MAX_VALUE;
        }
        return seconds * timescale + (us % 1_000_000L) * timescale / 1_000_000L;
    }

    private int chunkAtOrBefore(long byteOffset) {
        if (chunksAscending) {
            return upperBound(chunkOffsets, chunkOffsets.length, byteOffset) - 1;
        }
        int best = -1;
        for (int c = 0; c < chunkOffsets.length; c++) {
            if (chunkOffsets[c] <= byteOffset && (best < 0 || chunkOffsets[c] >= chunkOffsets[best])) {
                best = c;
            }
        }
        return best;
    }

    private int sizeAt(int index) {
        if (smallSizes != null) {
            return smallSizes[index];
        }
        return sizes != null ? sizes[index] : uniformSize;
    }

    /** The bytes of samples {@code [0, index)}. */
    private long bytesBefore(int index) {
        if (smallSizes == null && sizes == null) {
            return (long) index * uniformSize;
        }
        int checkpoint = index >>> CHECKPOINT_SHIFT;
        long total = checkpoints[checkpoint];
        for (int i = checkpoint << CHECKPOINT_SHIFT; i < index; i++) {
            total += smallSizes != null ? smallSizes[i] : sizes[i];
        }
        return total;
    }

    private int chunkOf(int index) {
        return upperBound(chunkFirstSample, chunkFirstSample.length, index) - 1;
    }

    private int runOf(int index) {
        return upperBound(runFirstSample, runFirstSample.length, index) - 1;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + count);
        }
    }

    /** The number of leading elements of the ascending {@code values} that are at most {@code key}. */
    static int upperBound(int[] values, int length, long key) {
        int low = 0;
        int high = length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static int upperBound(long[] values, int length, long key) {
        int low = 0;
        int high = length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "SampleTable[" + count + " samples in " + chunkOffsets.length + " chunks, " + runDelta.length
                + " duration runs, " + totalDuration + "/" + timescale + " s, " + totalBytes + " bytes"
                + (smallSizes == null && sizes == null ? ", uniform size " + uniformSize : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleTable t && t.timescale == timescale && t.count == count && t.uniformSize == uniformSize
                && Arrays.equals(t.smallSizes, smallSizes) && Arrays.equals(t.sizes, sizes)
                && Arrays.equals(t.chunkOffsets, chunkOffsets) && Arrays.equals(t.chunkFirstSample, chunkFirstSample)
                && Arrays.equals(t.runFirstSample, runFirstSample) && Arrays.equals(t.runDelta, runDelta);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(totalDuration) * 31 + count;
    }
}
