package org.cyprus.media.flac;

import java.io.IOException;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * The STREAMINFO metadata block (RFC 9639 §8.2): the parameters every FLAC stream declares up front, in native
 * FLAC files and in the Ogg FLAC mapping header alike.
 *
 * @param minBlockSize   smallest block size in samples (the last block may be smaller still)
 * @param maxBlockSize   largest block size in samples
 * @param minFrameBytes  smallest frame in bytes; 0 when unknown
 * @param maxFrameBytes  largest frame in bytes; 0 when unknown
 * @param sampleRateHz   sample rate
 * @param channels       1 to 8
 * @param bitsPerSample  4 to 32
 * @param totalSamples   interchannel samples in the stream; 0 when the encoder did not know
 */
public record StreamInfo(int minBlockSize, int maxBlockSize, int minFrameBytes, int maxFrameBytes,
        int sampleRateHz, int channels, int bitsPerSample, long totalSamples) {

    /** The size of a STREAMINFO block's body. */
    public static final int LENGTH_BYTES = 34;

    /**
     * Reads the 34-byte body at the reader's position. RFC 9639 §8.2 packs sample rate (20 bits), channels − 1
     * (3 bits), bits per sample − 1 (5 bits) and total samples (36 bits) into one 64-bit field.
     */
    public static StreamInfo parseStreamInfo(ByteReader r) throws IOException, MediaException {
        int minBlock = r.u16();
        int maxBlock = r.u16();
        int minFrame = r.u24();
        int maxFrame = r.u24();
        long packed = r.s64();
        r.skip(16); // MD5 of the decoded audio
        int rate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 0x7) + 1;
        int bits = (int) ((packed >>> 36) & 0x1F) + 1;
        long total = packed & 0xF_FFFF_FFFFL;
        if (rate == 0) {
            throw new MediaException(MediaError.CORRUPT, "STREAMINFO gives a sample rate of 0");
        }
        return new StreamInfo(minBlock, maxBlock, minFrame, maxFrame, rate, channels, bits, total);
    }

    /** Whether every block but the last has the same size (RFC 9639 §8.2: minimum equals maximum). */
    public boolean fixedBlockSize() {
        return minBlockSize == maxBlockSize;
    }

    /** The duration of {@code samples} at this stream's rate, in microseconds. */
    public long toMicros(long samples) {
        return samples * 1_000_000L / sampleRateHz;
    }
}
