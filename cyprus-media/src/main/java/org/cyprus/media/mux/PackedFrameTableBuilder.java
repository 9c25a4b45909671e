package org.cyprus.media.mux;

import java.util.Arrays;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Collects frames in stream order into the arrays of a {@link PackedFrameTable}: a new span wherever a frame does
 * not start where the previous one ended, a new run wherever the duration changes.
 */
final class PackedFrameTableBuilder {
    /** About 480 hours of MP3 at 44.1 kHz, 390 of AAC at 48 kHz: a guard against runaway input, not a real limit. */
    static final int MAX_FRAMES = 1 << 26;
    /** No MPEG audio frame or AAC access unit comes near this (AAC allows 768 bytes per channel). */
    static final int MAX_FRAME_BYTES = 1 << 20;

    private final long timescale;
    private final long firstTime;
    private char[] smallSizes = new char[1024];
    private int[] sizes;
    private int count;
    private int[] spanFirstFrame = new int[4];
    private long[] spanOffset = new long[4];
    private int spanCount;
    private int[] runFirstFrame = new int[2];
    private long[] runDuration = new long[2];
    private int runCount;
    private long nextOffset = -1;

    PackedFrameTableBuilder(long timescale, long firstTime) {
        if (timescale < 1 || firstTime < 0) {
            throw new IllegalArgumentException("timescale " + timescale + ", first time " + firstTime);
        }
        this.timescale = timescale;
        this.firstTime = firstTime;
    }

    /** Packs the frames of {@code table}, each without its first {@code headerBytes}. */
    static PackedFrameTable pack(FrameTable table, int headerBytes) throws MediaException {
        int n = table.frameCount();
        if (n < 1) {
            throw new MediaException(MediaError.NO_AUDIO, "the stream holds no frames");
        }
        PackedFrameTableBuilder builder = new PackedFrameTableBuilder(table.timescale(), table.frameTime(0));
        for (int i = 0; i < n; i++) {
            long offset = table.frameOffset(i) + headerBytes;
            int size = table.frameSize(i) - headerBytes;
            long duration = table.frameDuration(i);
            if (offset < 0 || size < 1 || size > MAX_FRAME_BYTES || duration < 0 || duration > Integer.MAX_VALUE) {
                throw new MediaException(MediaError.CORRUPT, "frame " + i + " has " + size + " bytes at offset " + offset
                        + " and lasts " + duration + "/" + table.timescale() + " s, which cannot be packed");
            }
            builder.add(offset, size, duration);
        }
        return builder.build();
    }

    /** Adds the next frame; sizes 1..{@value #MAX_FRAME_BYTES}, durations 0..2³¹−1. */
    void add(long offset, int sizeBytes, long duration) throws MediaException {
        if (count == MAX_FRAMES) {
            throw new MediaException(MediaError.UNSUPPORTED, "the stream has more than " + MAX_FRAMES + " frames");
        }
        if (offset < 0 || sizeBytes < 1 || sizeBytes > MAX_FRAME_BYTES || duration < 0 || duration > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame " + count + ": " + sizeBytes + " bytes at " + offset + ", duration "
                    + duration);
        }
        if (offset != nextOffset) {
            if (spanCount == spanOffset.length) {
                spanFirstFrame = Arrays.copyOf(spanFirstFrame, spanCount * 2);
                spanOffset = Arrays.copyOf(spanOffset, spanCount * 2);
            }
            spanFirstFrame[spanCount] = count;
            spanOffset[spanCount++] = offset;
        }
        if (runCount == 0 || runDuration[runCount - 1] != duration) {
            if (runCount == runDuration.length) {
                runFirstFrame = Arrays.copyOf(runFirstFrame, runCount * 2);
                runDuration = Arrays.copyOf(runDuration, runCount * 2);
            }
            runFirstFrame[runCount] = count;
            runDuration[runCount++] = duration;
        }
        if (sizes == null && sizeBytes > Character.MAX_VALUE) {
            sizes = new int[smallSizes.length];
            for (int i = 0; i < count; i++) {
                sizes[i] = smallSizes[i];
            }
            smallSizes = null;
        }
        if (sizes != null) {
            if (count == sizes.length) {
                sizes = Arrays.copyOf(sizes, count * 2);
            }
            sizes[count] = sizeBytes;
        } else {
            if (count == smallSizes.length) {
                smallSizes = Arrays.copyOf(smallSizes, count * 2);
            }
            smallSizes[count] = (char) sizeBytes;
        }
        count++;
        nextOffset = offset + sizeBytes;
    }

    PackedFrameTable build() throws MediaException {
        if (count == 0) {
            throw new MediaException(MediaError.NO_AUDIO, "the stream holds no frames");
        }
        try {
            return new PackedFrameTable(timescale, smallSizes == null ? null : Arrays.copyOf(smallSizes, count),
                    sizes == null ? null : Arrays.copyOf(sizes, count), Arrays.copyOf(spanFirstFrame, spanCount),
                    Arrays.copyOf(spanOffset, spanCount), Arrays.copyOf(runFirstFrame, runCount),
                    Arrays.copyOf(runDuration, runCount), firstTime);
        } catch (ArithmeticException e) {
            throw new MediaException(MediaError.CORRUPT, "the frames' times overflow", e);
        }
    }
}
