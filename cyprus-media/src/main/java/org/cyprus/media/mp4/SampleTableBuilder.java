package org.cyprus.media.mp4;

import java.util.Arrays;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Accumulates a {@link SampleTable}: chunks (a file offset where contiguous samples start), sample sizes and runs
 * of sample durations, from {@code stbl} tables or from movie fragments. Storage grows with what the file actually
 * holds; sizes stay a single value until two samples differ.
 */
final class SampleTableBuilder {
    /** Samples one table may hold; a 100-hour book at 48 kHz has about 17 million. */
    static final int MAX_SAMPLES = Integer.MAX_VALUE - 64;

    private final long timescale;
    private int count;
    private int uniformSize = -1;
    private int[] sizes;
    private int maxSize;
    private long[] chunkOffsets = new long[8];
    private int[] chunkFirstSample = new int[8];
    private int chunkCount;
    private int[] runFirstSample = new int[4];
    private long[] runStartTime = new long[4];
    private long[] runDelta = new long[4];
    private int runCount;
    private long timedSamples;
    private long totalDuration;

    SampleTableBuilder(long timescale) {
        if (timescale <= 0) {
            throw new IllegalArgumentException("timescale " + timescale);
        }
        this.timescale = timescale;
    }

    /** Samples added from here on are stored contiguously from {@code offset}. */
    void startChunk(long offset) {
        if (chunkCount > 0 && chunkFirstSample[chunkCount - 1] == count) {
            chunkOffsets[chunkCount - 1] = offset; // the previous chunk got no samples
            return;
        }
        if (chunkCount == chunkOffsets.length) {
            chunkOffsets = Arrays.copyOf(chunkOffsets, grow(chunkCount));
            chunkFirstSample = Arrays.copyOf(chunkFirstSample, chunkOffsets.length);
        }
        chunkOffsets[chunkCount] = offset;
        chunkFirstSample[chunkCount] = count;
        chunkCount++;
    }

    /** Adds {@code n} samples of {@code size} bytes each to the current chunk. */
    void addSamples(int n, int size) throws MediaException {
        if (chunkCount == 0) {
            throw new IllegalStateException("no chunk started");
        }
        if (n > MAX_SAMPLES - count) {
            throw new MediaException(MediaError.CORRUPT, "more than " + MAX_SAMPLES + " samples");
        }
        if (uniformSize < 0 && sizes == null) {
            uniformSize = size;
        }
        if (sizes == null && size != uniformSize) {
            sizes = new int[Math.max(16, grow(count + n))];
            Arrays.fill(sizes, 0, count, uniformSize);
        }
        if (sizes != null) {
            if (count + n > sizes.length) {
                sizes = Arrays.copyOf(sizes, Math.max(count + n, grow(sizes.length)));
            }
            Arrays.fill(sizes, count, count + n, size);
        }
        maxSize = Math.max(maxSize, size);
        count += n;
    }

    /** Adds a run of {@code n} samples lasting {@code delta} timescale units each (an {@code stts} entry). */
    void addDurations(long n, long delta) throws MediaException {
        if (n <= 0) {
            return;
        }
        if (delta < 0 || n > MAX_SAMPLES - timedSamples) {
            throw new MediaException(MediaError.CORRUPT, "a run of " + n + " samples of duration " + delta);
        }
        long runDuration = CheckedMath.multiply(n, delta, "track duration");
        long newTotal = CheckedMath.add(totalDuration, runDuration, "track duration");
        if (runCount > 0 && runDelta[runCount - 1] == delta) {
            timedSamples += n;
            totalDuration = newTotal;
            return;
        }
        if (runCount == runDelta.length) {
            runFirstSample = Arrays.copyOf(runFirstSample, grow(runCount));
            runStartTime = Arrays.copyOf(runStartTime, runFirstSample.length);
            runDelta = Arrays.copyOf(runDelta, runFirstSample.length);
        }
        runFirstSample[runCount] = (int) timedSamples;
        runStartTime[runCount] = totalDuration;
        runDelta[runCount] = delta;
        runCount++;
        timedSamples += n;
        totalDuration = newTotal;
    }

    /** Samples with a size and an offset so far. */
    int sampleCount() {
        return count;
    }

    /** Samples with a duration so far. */
    long timedSampleCount() {
        return timedSamples;
    }

    long timescale() {
        return timescale;
    }

    /** The table of the first {@code min(sampleCount(), timedSampleCount())} samples. */
    SampleTable build() {
        int n = (int) Math.min(count, timedSamples);
        int chunks = SampleTable.upperBound(chunkFirstSample, chunkCount, n - 1L);
        if (n == 0) {
            chunks = 0;
        }
        int runs = n == 0 ? 0 : SampleTable.upperBound(runFirstSample, runCount, n - 1L);
        long duration = runs == 0 ? 0 : runStartTime[runs - 1] + (n - runFirstSample[runs - 1]) * runDelta[runs - 1];
        char[] small = null;
        int[] wide = null;
        long[] checkpoints = null;
        if (sizes != null) {
            if (maxSize <= Character.MAX_VALUE) {
                small = new char[n];
                for (int i = 0; i < n; i++) {
                    small[i] = (char) sizes[i];
                }
            } else {
                wide = Arrays.copyOf(sizes, n);
            }
            checkpoints = new long[(n >>> SampleTable.CHECKPOINT_SHIFT) + 1];
            long total = 0;
            for (int i = 0; i < n; i++) {
                if ((i & (SampleTable.CHECKPOINT_SAMPLES - 1)) == 0) {
                    checkpoints[i >>> SampleTable.CHECKPOINT_SHIFT] = total;
                }
                total += sizes[i];
            }
            if ((n & (SampleTable.CHECKPOINT_SAMPLES - 1)) == 0) {
                checkpoints[n >>> SampleTable.CHECKPOINT_SHIFT] = total;
            }
        }
        return new SampleTable(new Parts(timescale, n, Math.max(uniformSize, 0), small, wide, checkpoints,
                Arrays.copyOf(chunkOffsets, chunks), Arrays.copyOf(chunkFirstSample, chunks),
                Arrays.copyOf(runFirstSample, runs), Arrays.copyOf(runStartTime, runs), Arrays.copyOf(runDelta, runs),
                duration));
    }

    private static int grow(int length) {
        return (int) Math.min(MAX_SAMPLES, Math.max(8, length + (long) (length >> 1)));
    }

    /** The arrays a {@link SampleTable} is made of. */
    record Parts(long timescale, int count, int uniformSize, char[] smallSizes, int[] sizes, long[] checkpoints,
            long[] chunkOffsets, int[] chunkFirstSample, int[] runFirstSample, long[] runStartTime, long[] runDelta,
            long totalDuration) {
    }
}
