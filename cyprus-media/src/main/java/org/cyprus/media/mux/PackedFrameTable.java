package org.cyprus.media.mux;

import java.util.Arrays;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekPoint;

/**
 * A {@link FrameTable} of any origin held in the same compact form, with no object per frame: sizes as a
 * {@code char[]} (an {@code int[]} only when a frame exceeds 64 KiB) with a running byte total every
 * {@value #CHECKPOINT_FRAMES} frames, offsets as spans of back-to-back frames (one for an MP3 file, one per chunk
 * for MP4), times as runs of equal duration. About 2.2 bytes per frame: 6 MB for the 2.8 million frames of a
 * 20-hour MP3. Every lookup is a binary search plus at most {@value #CHECKPOINT_FRAMES} additions. Immutable;
 * equal by content.
 */
public final class PackedFrameTable implements FrameTable {
    static final int CHECKPOINT_SHIFT = 6;
    static final int CHECKPOINT_FRAMES = 1 << CHECKPOINT_SHIFT;

    private final long timescale;
    private final int count;
    private final char[] smallSizes;
    private final int[] sizes;
    private final long[] checkpoints;
    private final int[] spanFirstFrame;
    private final long[] spanOffset;
    private final long[] spanBase;
    private final boolean spansAscending;
    private final int[] runFirstFrame;
    private final long[] runDuration;
    private final long[] runStartTime;
    private final long endTime;

    /** Arrays as {@link PackedFrameTableBuilder} or {@link AudioStreamFile} checked them; none is copied. */
    PackedFrameTable(long timescale, char[] smallSizes, int[] sizes, int[] spanFirstFrame, long[] spanOffset,
            int[] runFirstFrame, long[] runDuration, long firstTime) {
        this.timescale = timescale;
        this.smallSizes = smallSizes;
        this.sizes = sizes;
        this.count = smallSizes != null ? smallSizes.length : sizes.length;
        this.checkpoints = new long[(count >>> CHECKPOINT_SHIFT) + 1];
        long total = 0;
        for (int i = 0; i < count; i++) {
            if ((i & (CHECKPOINT_FRAMES - 1)) == 0) {
                checkpoints[i >>> CHECKPOINT_SHIFT] = total;
            }
            total += sizeAt(i);
        }
        if ((count & (CHECKPOINT_FRAMES - 1)) == 0) {
            checkpoints[count >>> CHECKPOINT_SHIFT] = total;
        }
        this.spanFirstFrame = spanFirstFrame;
        this.spanOffset = spanOffset;
        this.spanBase = new long[spanOffset.length];
        boolean ascending = true;
        for (int s = 0; s < spanOffset.length; s++) {
            spanBase[s] = spanOffset[s] - bytesBefore(spanFirstFrame[s]);
            ascending &= s == 0 || spanOffset[s] > spanOffset[s - 1];
        }
        this.spansAscending = ascending;
        this.runFirstFrame = runFirstFrame;
        this.runDuration = runDuration;
        this.runStartTime = new long[runDuration.length];
        long time = firstTime;
        for (int r = 0; r < runDuration.length; r++) {
            runStartTime[r] = time;
            int end = r + 1 < runFirstFrame.length ? runFirstFrame[r + 1] : count;
            time = Math.addExact(time, Math.multiplyExact(end - runFirstFrame[r], runDuration[r]));
        }
        this.endTime = time;
    }

    /**
     * The frames of {@code table} in packed form; {@code table} itself when it already is one.
     *
     * @throws MediaException {@code NO_AUDIO} for an empty table, {@code CORRUPT} for a frame that is empty, larger
     *                        than 1 MiB or longer than 2³¹−1 time units, or times that overflow
     */
    public static PackedFrameTable of(FrameTable table) throws MediaException {
        if (table instanceof PackedFrameTable packed) {
            return packed;
        }
        return PackedFrameTableBuilder.pack(table, 0);
    }

    /**
     * The frames of {@code table} without the first {@code headerBytes} of each: the access units inside ADTS
     * frames, for instance.
     *
     * @throws MediaException as {@link #of(FrameTable)}, and {@code CORRUPT} for a frame no longer than its header
     */
    public static PackedFrameTable withoutHeaders(FrameTable table, int headerBytes) throws MediaException {
        if (headerBytes < 0) {
            throw new IllegalArgumentException("header bytes " + headerBytes);
        }
        return PackedFrameTableBuilder.pack(table, headerBytes);
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
        return spanBase[upperBound(spanFirstFrame, index) - 1] + bytesBefore(index);
    }

    @Override
    public int frameSize(int index) {
        checkIndex(index);
        return sizeAt(index);
    }

    @Override
    public long frameTime(int index) {
        checkIndex(index);
        int run = upperBound(runFirstFrame, index) - 1;
        return runStartTime[run] + (index - runFirstFrame[run]) * runDuration[run];
    }

    @Override
    public long frameDuration(int index) {
        checkIndex(index);
        return runDuration[upperBound(runFirstFrame, index) - 1];
    }

    @Override
    public int frameAt(long time) {
        if (time <= runStartTime[0]) {
            return 0;
        }
        if (time >= endTime) {
            return count - 1;
        }
        int run = upperBound(runStartTime, time) - 1;
        int runEnd = run + 1 < runFirstFrame.length ? runFirstFrame[run + 1] : count;
        long duration = runDuration[run];
        long index = runFirstFrame[run] + (duration == 0 ? 0 : (time - runStartTime[run]) / duration);
        return (int) Math.min(index, runEnd - 1);
    }

    /** Time just past the last frame, in {@link #timescale()} units. */
    public long endTime() {
        return endTime;
    }

    /** The sum of all frame sizes. */
    public long totalBytes() {
        return bytesBefore(count);
    }

    /** Number of spans of back-to-back frames. */
    public int spanCount() {
        return spanOffset.length;
    }

    /** The approximate heap this table occupies, for sizing caches. */
    public long footprintBytes() {
        long sizeBytes = smallSizes != null ? 2L * count : 4L * count;
        return 128 + sizeBytes + 8L * checkpoints.length + 20L * spanOffset.length + 20L * runDuration.length;
    }

    @Override
    public long durationUs() {
        return toMicros(endTime);
    }

    @Override
    public SeekPoint seek(long timeUs) {
        int index = frameAt(toTimescale(timeUs));
        return new SeekPoint(frameOffset(index), toMicros(frameTime(index)));
    }

    @Override
    public long timeAt(long byteOffset) {
        return toMicros(frameTime(frameContaining(byteOffset)));
    }

    /** The last frame starting at or before {@code byteOffset} within the span that holds it; 0 before the first. */
    public int frameContaining(long byteOffset) {
        int span = spanAtOrBefore(byteOffset);
        if (span < 0) {
            return 0;
        }
        int low = spanFirstFrame[span];
        int high = (span + 1 < spanFirstFrame.length ? spanFirstFrame[span + 1] : count) - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (spanBase[span] + bytesBefore(mid) <= byteOffset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** Saturating, so that no time can overflow. */
    @Override
    public long toMicros(long time) {
        return Timescales.rescaleFloor(Math.max(0, time), 1_000_000L, timescale);
    }

    /** Saturating, so that no requested time can overflow. */
    @Override
    public long toTimescale(long timeUs) {
        return Timescales.rescaleFloor(Math.max(0, timeUs), timescale, 1_000_000L);
    }

    private int spanAtOrBefore(long byteOffset) {
        if (spansAscending) {
            return upperBound(spanOffset, byteOffset) - 1;
        }
        int best = -1;
        for (int s = 0; s < spanOffset.length; s++) {
            if (spanOffset[s] <= byteOffset && (best < 0 || spanOffset[s] > spanOffset[best])) {
                best = s;
            }
        }
        return best;
    }

    private int sizeAt(int index) {
        return smallSizes != null ? smallSizes[index] : sizes[index];
    }

    /** The bytes of frames {@code [0, index)}. */
    private long bytesBefore(int index) {
        int checkpoint = index >>> CHECKPOINT_SHIFT;
        long total = checkpoints[checkpoint];
        for (int i = checkpoint << CHECKPOINT_SHIFT; i < index; i++) {
            total += sizeAt(i);
        }
        return total;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + count);
        }
    }

    /** The number of leading elements of the ascending {@code values} that are at most {@code key}. */
    private static int upperBound(int[] values, long key) {
        int low = 0;
        int high = values.length;
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

    private static int upperBound(long[] values, long key) {
        int low = 0;
        int high = values.length;
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

    char[] smallSizes() {
        return smallSizes;
    }

    int[] sizes() {
        return sizes;
    }

    int[] spanFirstFrames() {
        return spanFirstFrame;
    }

    long[] spanOffsets() {
        return spanOffset;
    }

    int[] runFirstFrames() {
        return runFirstFrame;
    }

    long[] runDurations() {
        return runDuration;
    }

    long firstTime() {
        return runStartTime[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedFrameTable t && t.timescale == timescale && t.count == count
                && Arrays.equals(t.smallSizes, smallSizes) && Arrays.equals(t.sizes, sizes)
                && Arrays.equals(t.spanFirstFrame, spanFirstFrame) && Arrays.equals(t.spanOffset, spanOffset)
                && Arrays.equals(t.runFirstFrame, runFirstFrame) && Arrays.equals(t.runDuration, runDuration)
                && t.runStartTime[0] == runStartTime[0];
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(endTime) * 31 + count) * 31 + Long.hashCode(spanOffset[0]);
    }

    @Override
    public String toString() {
        return "PackedFrameTable[" + count + " frames in " + spanOffset.length + " spans, " + runDuration.length
                + " duration runs, " + endTime + "/" + timescale + " s, " + totalBytes() + " bytes]";
    }
}
