package org.cyprus.media.mp3;

import java.util.Arrays;
import java.util.List;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Collects frames in stream order into the compact arrays of an {@link Mp3FrameIndex}: two bytes per frame, an
 * absolute offset every {@value Mp3FrameIndex#BLOCK_FRAMES} frames, a short list of gaps where bytes between
 * frames were skipped, and the runs of frames sharing a sample rate.
 */
final class FrameIndexBuilder {
    /** More frames than any real stream has (about 80 days of 44.1 kHz audio); a guard against runaway input. */
    static final int MAX_FRAMES = 1 << 28;

    private char[] sizes = new char[1024];
    private long[] blockOffsets = new long[16];
    private int[] gapFrames = new int[0];
    private long[] gapBytes = new long[0];
    private int gapCount;
    private int[] runFirstFrames = new int[1];
    private int[] runRatesHz = new int[1];
    private int[] runSamplesPerFrame = new int[1];
    private int runCount;
    private int frameCount;
    private long nextOffset;

    /** Starts a run of frames at {@code sampleRateHz} with {@code samplesPerFrame}; merges with an identical run. */
    void startRun(int sampleRateHz, int samplesPerFrame) {
        if (runCount > 0 && runRatesHz[runCount - 1] == sampleRateHz && runSamplesPerFrame[runCount - 1] == samplesPerFrame) {
            return;
        }
        if (runCount > 0 && runFirstFrames[runCount - 1] == frameCount) {
            runCount--;
        }
        if (runCount == runFirstFrames.length) {
            runFirstFrames = Arrays.copyOf(runFirstFrames, runCount * 2);
            runRatesHz = Arrays.copyOf(runRatesHz, runCount * 2);
            runSamplesPerFrame = Arrays.copyOf(runSamplesPerFrame, runCount * 2);
        }
        runFirstFrames[runCount] = frameCount;
        runRatesHz[runCount] = sampleRateHz;
        runSamplesPerFrame[runCount] = samplesPerFrame;
        runCount++;
        if (runCount > 1 && runRatesHz[runCount - 2] == sampleRateHz && runSamplesPerFrame[runCount - 2] == samplesPerFrame) {
            runCount--;
        }
    }

    /** Adds the next frame; false once {@link #MAX_FRAMES} are held. Offsets must increase; sizes are 1..65535. */
    boolean add(long offset, int sizeBytes) {
        if (frameCount == MAX_FRAMES) {
            return false;
        }
        if (offset < nextOffset && frameCount > 0 || sizeBytes <= 0 || sizeBytes > Character.MAX_VALUE) {
            throw new IllegalStateException("frame " + frameCount + " at " + offset + " (" + sizeBytes + " bytes)");
        }
        if (frameCount > 0 && offset > nextOffset) {
            addGap(frameCount, offset - nextOffset);
        }
        if (frameCount == sizes.length) {
            sizes = Arrays.copyOf(sizes, frameCount * 2);
        }
        if ((frameCount & (Mp3FrameIndex.BLOCK_FRAMES - 1)) == 0) {
            int block = frameCount >>> Mp3FrameIndex.BLOCK_SHIFT;
            if (block == blockOffsets.length) {
                blockOffsets = Arrays.copyOf(blockOffsets, block * 2);
            }
            blockOffsets[block] = offset;
        }
        sizes[frameCount++] = (char) sizeBytes;
        nextOffset = offset + sizeBytes;
        return true;
    }

    private void addGap(int frame, long bytes) {
        if (gapCount == gapFrames.length) {
            gapFrames = Arrays.copyOf(gapFrames, Math.max(4, gapCount * 2));
            gapBytes = Arrays.copyOf(gapBytes, Math.max(4, gapCount * 2));
        }
        gapFrames[gapCount] = frame;
        gapBytes[gapCount++] = bytes;
    }

    int frameCount() {
        return frameCount;
    }

    /** The offset just past the last frame added. */
    long endOffset() {
        return nextOffset;
    }

    /** The index of the frames added so far; at least one frame must have been added. */
    Mp3FrameIndex build(List<String> warnings) throws MediaException {
        if (frameCount == 0 || runCount == 0) {
            throw new MediaException(MediaError.NO_AUDIO, "the stream holds no audio frames");
        }
        int blocks = ((frameCount - 1) >>> Mp3FrameIndex.BLOCK_SHIFT) + 1;
        FrameRuns runs = FrameRuns.of(frameCount, Arrays.copyOf(runFirstFrames, runCount),
                Arrays.copyOf(runRatesHz, runCount), Arrays.copyOf(runSamplesPerFrame, runCount));
        return new Mp3FrameIndex(frameCount, Arrays.copyOf(sizes, frameCount), Arrays.copyOf(blockOffsets, blocks),
                Arrays.copyOf(gapFrames, gapCount), Arrays.copyOf(gapBytes, gapCount), runs, warnings);
    }
}
