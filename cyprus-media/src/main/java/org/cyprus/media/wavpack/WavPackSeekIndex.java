package org.cyprus.media.wavpack;

import java.util.Arrays;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;

/**
 * Seeking in a WavPack file. After a walk over every block the index holds where each frame (a run of blocks
 * from INITIAL_BLOCK to FINAL_BLOCK, independently decodable) starts and is exact; from the header's sample
 * count alone it interpolates linearly over the audio bytes and is approximate.
 */
final class WavPackSeekIndex implements SeekIndex {
    private final long audioStart;
    private final long audioEnd;
    private final long firstSample;
    private final long totalSamples;
    private final long rate;
    private final long[] offsets;
    private final long[] samples;
    private final int count;

    private WavPackSeekIndex(long audioStart, long audioEnd, long firstSample, long totalSamples, long rate,
            long[] offsets, long[] samples, int count) {
        this.audioStart = audioStart;
        this.audioEnd = Math.max(audioStart, audioEnd);
        this.firstSample = firstSample;
        this.totalSamples = Math.max(0, totalSamples);
        this.rate = rate;
        this.offsets = offsets;
        this.samples = samples;
        this.count = count;
    }

    /** An approximate index spreading {@code totalSamples} at {@code rate} evenly over the audio bytes. */
    static WavPackSeekIndex linear(long audioStart, long audioEnd, long totalSamples, long rate) {
        return new WavPackSeekIndex(audioStart, audioEnd, 0, totalSamples, rate, new long[0], new long[0], 0);
    }

    /** Collects frame starts during a walk. */
    static final class Builder {
        private long[] offsets = new long[64];
        private long[] samples = new long[64];
        private int count;
        private long end;

        void add(long offset, long firstSample, long blockSamples) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                samples = Arrays.copyOf(samples, count * 2);
            }
            offsets[count] = offset;
            samples[count] = firstSample;
            count++;
        }

        void end(long endOffset) {
            end = endOffset;
        }

        long endOffset() {
            return end;
        }

        int count() {
            return count;
        }

        WavPackSeekIndex build(long totalSamples, long rate) {
            long first = count == 0 ? 0 : samples[0];
            return new WavPackSeekIndex(count == 0 ? end : offsets[0], end, first, totalSamples, rate, offsets, samples, count);
        }
    }

    @Override
    public long durationUs() {
        return toMicros(totalSamples);
    }

    @Override
    public SeekPoint seek(long timeUs) {
        long sample = Math.min(toSamples(timeUs), Math.max(0, totalSamples - 1));
        if (count > 0) {
            int found = Arrays.binarySearch(samples, 0, count, firstSample + sample);
            int index = Math.clamp(found >= 0 ? found : -found - 2, 0, count - 1);
            return new SeekPoint(offsets[index], toMicros(samples[index] - firstSample));
        }
        if (totalSamples == 0) {
            return new SeekPoint(audioStart, 0);
        }
        return new SeekPoint(audioStart + (long) ((double) (audioEnd - audioStart) * sample / totalSamples), toMicros(sample));
    }

    @Override
    public long timeAt(long byteOffset) {
        if (count > 0) {
            int found = Arrays.binarySearch(offsets, 0, count, byteOffset);
            int index = Math.clamp(found >= 0 ? found : -found - 2, 0, count - 1);
            return toMicros(samples[index] - firstSample);
        }
        if (audioEnd == audioStart) {
            return 0;
        }
        long relative = Math.clamp(byteOffset - audioStart, 0, audioEnd - audioStart);
        return toMicros((long) ((double) totalSamples * relative / (audioEnd - audioStart)));
    }

    @Override
    public boolean exact() {
        return count > 0;
    }

    private long toSamples(long timeUs) {
        return (long) ((double) Math.max(0, timeUs) * rate / 1_000_000);
    }

    private long toMicros(long sampleCount) {
        return sampleCount < Long.MAX_VALUE / 1_000_000 ? sampleCount * 1_000_000 / rate
                : (long) ((double) sampleCount * 1_000_000 / rate);
    }
}
