package org.cyprus.media.wavpack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 32-byte little-endian header of a WavPack block (WavPack 4/5 file format, §2.0 "Block Header").
 *
 * @param offset       where the block starts
 * @param blockBytes   the whole block's length ({@code ckSize} + 8)
 * @param version      stream version, 0x402 to 0x410
 * @param blockIndex   number of the block's first sample (40 bits)
 * @param totalSamples samples in the whole file (40 bits), or -1 when unknown
 * @param blockSamples samples in this block; 0 for a block holding only metadata
 * @param flags        coding flags: bytes per sample, mono, hybrid, float, first/last block of a frame, shift,
 *                     sample rate index, DSD
 */
record WavPackBlockHeader(long offset, long blockBytes, int version, long blockIndex, long totalSamples,
        long blockSamples, int flags) {
    static final int BYTES = 32;
    /** §2.0: blocks are at most a megabyte. */
    static final int MAX_BLOCK_BYTES = 1024 * 1024;
    static final int MONO = 0x4;
    static final int HYBRID = 0x8;
    static final int FLOAT_DATA = 0x80;
    static final int INITIAL_BLOCK = 0x800;
    static final int FINAL_BLOCK = 0x1000;
    static final int DSD = 0x8000_0000;
    private static final int MIN_VERSION = 0x402;
    private static final int MAX_VERSION = 0x410;
    /** §2.0: sample rates by the 4-bit index in bits 23–26 of the flags; 15 means "in an ID_SAMPLE_RATE sub-block". */
    private static final int[] RATES = {6000, 8000, 9600, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000,
        64000, 88200, 96000, 192000};

    /** The header in {@code bytes[at..at+32)}, or {@code null} unless it is a plausible one. */
    static WavPackBlockHeader parseBlockHeader(byte[] bytes, int at, long offset) {
        if (at < 0 || at + BYTES > bytes.length || bytes[at] != 'w' || bytes[at + 1] != 'v' || bytes[at + 2] != 'p'
                || bytes[at + 3] != 'k') {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, at, BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long ckSize = Integer.toUnsignedLong(b.getInt(at + 4));
        int version = b.getShort(at + 8) & 0xFFFF;
        int blockIndexHigh = bytes[at + 10] & 0xFF;
        int totalHigh = bytes[at + 11] & 0xFF;
        long totalLow = Integer.toUnsignedLong(b.getInt(at + 12));
        long blockIndex = Integer.toUnsignedLong(b.getInt(at + 16)) + ((long) blockIndexHigh << 32);
        long blockSamples = Integer.toUnsignedLong(b.getInt(at + 20));
        int flags = b.getInt(at + 24);
        if (version < MIN_VERSION || version > MAX_VERSION || ckSize < BYTES - 8 || ckSize + 8 > MAX_BLOCK_BYTES
                || (ckSize & 1) != 0) {
            return null;
        }
        // §2.0: the lower 32 bits all set mean "unknown", whatever the upper 8; the encoding skips that value.
        long total = totalLow == 0xFFFF_FFFFL ? -1 : totalLow + ((long) totalHigh << 32) - totalHigh;
        return new WavPackBlockHeader(offset, ckSize + 8, version, blockIndex, total, blockSamples, flags);
    }

    long endOffset() {
        return offset + blockBytes;
    }

    int channels() {
        return (flags & MONO) != 0 ? 1 : 2;
    }

    /** Bits per sample: stored bytes × 8 less the shift (bits 13–17), or 32 for float data. */
    int bitsPerSample() {
        if ((flags & DSD) != 0) {
            return 1;
        }
        return (flags & FLOAT_DATA) != 0 ? 32 : ((flags & 3) + 1) * 8 - ((flags >>> 13) & 0x1F);
    }

    /** The rate from the index in the flags, or 0 when the index is 15 (custom). */
    int tableRateHz() {
        int index = (flags >>> 23) & 0xF;
        return index < RATES.length ? RATES[index] : 0;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether {@code other} codes audio the same way (rate index, sample size), as blocks of one stream do. */
    boolean sameStream(WavPackBlockHeader other) {
        int mask = 0x3 | (0xF << 23) | FLOAT_DATA | DSD;
        return (other.flags & mask) == (flags & mask);
    }
}
