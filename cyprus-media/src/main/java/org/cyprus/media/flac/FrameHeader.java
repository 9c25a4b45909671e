package org.cyprus.media.flac;

/**
 * A FLAC frame header (RFC 9639 §9.1), read as far as probing needs: where the frame's samples start and how
 * many it holds. Headers are only accepted whole and with a matching CRC-8, which is what makes scanning audio
 * data for them safe.
 *
 * @param offset            offset of the header's sync code in the file
 * @param headerBytes       length of the header, CRC-8 included
 * @param variableBlockSize the blocking strategy bit: the coded number is a sample number, not a frame number
 * @param codedNumber       frame number (fixed block size) or number of the first sample (variable)
 * @param blockSize         samples in this frame
 * @param sampleRateHz      sample rate, or 0 for "as in STREAMINFO"
 * @param channels          channel count
 * @param bitsPerSample     bit depth, or 0 for "as in STREAMINFO"
 */
record FrameHeader(long offset, int headerBytes, boolean variableBlockSize, long codedNumber, int blockSize,
        int sampleRateHz, int channels, int bitsPerSample) {

    /** Longest possible header: 4 fixed bytes, 7-byte coded number, 2 + 2 optional bytes, CRC-8. */
    static final int MAX_BYTES = 16;
    private static final int[] RATES = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000,
        44_100, 48_000, 96_000};
    private static final int[] BITS = {0, 8, 12, -1, 16, 20, 24, 32};

    /** Whether {@code buf[at]} and the next byte hold the sync code and reserved bit of a header (§9.1). */
    static boolean syncAt(byte[] buf, int at, int limit) {
        return at + 1 < limit && (buf[at] & 0xFF) == 0xFF && (buf[at + 1] & 0xFE) == 0xF8;
    }

    /** The header at {@code buf[at]} (file offset {@code offset}), or {@code null} when it is not a valid one. */
    static FrameHeader parseFrameHeader(byte[] buf, int at, int limit, long offset) {
        if (!syncAt(buf, at, limit) || at + 6 > limit) {
            return null;
        }
        boolean variable = (buf[at + 1] & 1) != 0;
        int blockCode = (buf[at + 2] & 0xF0) >>> 4;
        int rateCode = buf[at + 2] & 0x0F;
        int channelCode = (buf[at + 3] & 0xF0) >>> 4;
        int bitsCode = (buf[at + 3] & 0x0E) >>> 1;
        // §9.1.1–§9.1.4: block size 0b0000, rate 0b1111, channels 0b1011+ and bit depth 0b011 are reserved or
        // forbidden, as is a set reserved bit.
        if (blockCode == 0 || rateCode == 15 || channelCode > 10 || BITS[bitsCode] < 0 || (buf[at + 3] & 1) != 0) {
            return null;
        }
        int pos = at + 4;
        // §9.1.5: the coded number, in the UTF-8-like form: 31 bits at most for a frame number, 36 for a sample number.
        int first = buf[pos] & 0xFF;
        int leadingOnes = first < 0x80 ? 0 : Integer.numberOfLeadingZeros(~first << 24);
        int extra = leadingOnes == 0 ? 0 : leadingOnes - 1;
        if (leadingOnes == 1 || extra > (variable ? 6 : 5) || pos + 1 + extra > limit) {
            return null;
        }
        long number = extra == 0 ? first : first & (0x3F >>> extra);
        for (int i = 1; i <= extra; i++) {
            int b = buf[pos + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return null;
            }
            number = (number << 6) | (b & 0x3F);
        }
        pos += 1 + extra;
        int blockSize = switch (blockCode) {
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (blockCode - 2);
            case 6, 7 -> -1;
            default -> 256 << (blockCode - 8);
        };
        if (blockSize < 0) { // §9.1.6: uncommon block size minus one, 8 or 16 bits
            int bytes = blockCode - 5;
            if (pos + bytes > limit) {
                return null;
            }
            int stored = bytes == 1 ? buf[pos] & 0xFF : ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
            if (stored == 0xFFFF) {
                return null;
            }
            blockSize = stored + 1;
            pos += bytes;
        }
        int rate = rateCode < 12 ? RATES[rateCode] : -1;
        if (rate < 0) { // §9.1.7: uncommon sample rate in kHz (8 bits), Hz or tens of Hz (16 bits)
            int bytes = rateCode == 12 ? 1 : 2;
            if (pos + bytes > limit) {
                return null;
            }
            int stored = bytes == 1 ? buf[pos] & 0xFF : ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
            rate = rateCode == 12 ? stored * 1000 : rateCode == 13 ? stored : stored * 10;
            pos += bytes;
        }
        // §9.1.8: CRC-8 of everything before it, sync code included.
        if (pos >= limit || FlacCrc.crc8(buf, at, pos) != (buf[pos] & 0xFF)) {
            return null;
        }
        int channels = channelCode < 8 ? channelCode + 1 : 2;
        return new FrameHeader(offset, pos + 1 - at, variable, number, blockSize, rate, channels, BITS[bitsCode]);
    }

    /** Whether this header agrees with the stream's STREAMINFO, which a frame of the stream must. */
    boolean agreesWith(StreamInfo info) {
        return channels == info.channels()
                && (sampleRateHz == 0 || sampleRateHz == info.sampleRateHz())
                && (bitsPerSample == 0 || bitsPerSample == info.bitsPerSample())
                && (info.maxBlockSize() < 16 || blockSize <= info.maxBlockSize());
    }

    /**
     * The number of this frame's first sample: the coded number itself for a variable block size, else the frame
     * number times the stream's block size (§9.1.5).
     */
    long firstSample(int nominalBlockSize) {
        return variableBlockSize ? codedNumber : codedNumber * nominalBlockSize;
    }
}
