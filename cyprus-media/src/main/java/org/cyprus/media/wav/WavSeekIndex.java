package org.cyprus.media.wav;

import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;

/**
 * Seeking in WAV sample data by arithmetic. For uncompressed samples (one sample frame per block) and block-based
 * ADPCM the data is a row of equal blocks, each holding a fixed number of samples, so the answer is exact: the
 * block that holds the time. For other codecs it is a linear estimate over the data bytes.
 */
final class WavSeekIndex implements SeekIndex {
    private final long dataStart;
    private final long blocks;
    private final int blockBytes;
    private final long samplesPerBlock;
    private final int sampleRateHz;
    private final long durationUs;
    private final boolean exact;

    /** An exact index over {@code blocks} blocks of {@code blockBytes}, each holding {@code samplesPerBlock}. */
    static WavSeekIndex blocks(long dataStart, long blocks, int blockBytes, long samplesPerBlock, int sampleRateHz,
            long durationUs) {
        return new WavSeekIndex(dataStart, blocks, blockBytes, samplesPerBlock, sampleRateHz, durationUs, true);
    }

    /** An estimate spreading {@code durationUs} evenly over {@code dataBytes}. */
    static WavSeekIndex linear(long dataStart, long dataBytes, long durationUs) {
        return new WavSeekIndex(dataStart, dataBytes, 1, 0, 0, durationUs, false);
    }

    private WavSeekIndex(long dataStart, long blocks, int blockBytes, long samplesPerBlock, int sampleRateHz,
            long durationUs, boolean exact) {
        this.dataStart = dataStart;
        this.blocks = blocks;
        this.blockBytes = blockBytes;
        this.samplesPerBlock = samplesPerBlock;
        this.sampleRateHz = sampleRateHz;
        this.durationUs = durationUs;
        this.exact = exact;
    }

    @Override
    public long durationUs() {
        return durationUs;
    }

    @Override
    public SeekPoint seek(long timeUs) {
        if (blocks == 0 || durationUs == 0) {
            return new SeekPoint(dataStart, 0);
        }
        long t = Math.clamp(timeUs, 0, durationUs);
        if (!exact) {
            return new SeekPoint(dataStart + Math.min(blocks - 1, (long) ((double) blocks * t / durationUs)), t);
        }
        long block = Math.min(blocks - 1, WavProber.mulDiv(t, sampleRateHz, 1_000_000) / samplesPerBlock);
        return new SeekPoint(dataStart + block * blockBytes, toMicros(block));
    }

    @Override
    public long timeAt(long byteOffset) {
        long block = Math.clamp((byteOffset - dataStart) / blockBytes, 0, Math.max(0, blocks - 1));
        if (!exact) {
            return blocks == 0 ? 0 : (long) ((double) durationUs * block / blocks);
        }
        return toMicros(block);
    }

    private long toMicros(long block) {
        return WavProber.mulDiv(WavProber.mulDiv(block, samplesPerBlock, 1), 1_000_000, sampleRateHz);
    }

    @Override
    public boolean exact() {
        return exact;
    }
}
