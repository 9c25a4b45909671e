package org.cyprus.media.adts;

/**
 * An ADTS frame header (ISO/IEC 14496-3 §1.A.2.2, {@code adts_fixed_header} and {@code adts_variable_header}).
 *
 * @param mpeg2              the ID bit: 1 for MPEG-2 AAC, 0 for MPEG-4
 * @param protectionAbsent   true when no CRC follows the header
 * @param profile            profile / audio object type − 1 (0 Main, 1 LC, 2 SSR, 3 LTP)
 * @param rateIndex          sampling frequency index (Table 1.18)
 * @param channelConfig      channel configuration; 0 means a program config element in the data gives it
 * @param frameBytes         the frame's length, header included
 * @param rawDataBlocks      raw data blocks in the frame, 1 to 4, each 1024 samples
 */
record AdtsHeader(boolean mpeg2, boolean protectionAbsent, int profile, int rateIndex, int channelConfig,
        int frameBytes, int rawDataBlocks) {
    static final int SAMPLES_PER_BLOCK = 1024;
    /** Table 1.18: sampling frequency by index; 13 and 14 are reserved, 15 (explicit rate) is not allowed in ADTS. */
    private static final int[] RATES = {96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000,
        12_000, 11_025, 8_000, 7_350};
    private static final String[] PROFILES = {"Main", "LC", "SSR", "LTP"};

    /**
     * Decodes the 56 header bits in the low bits of {@code bits}; {@code null} unless they are a valid header: the
     * 12-bit syncword, layer 0, a defined rate index, and a frame long enough for its own header.
     */
    static AdtsHeader parseAdtsHeader(long bits) {
        if ((bits >>> 44) != 0xFFF || ((bits >>> 41) & 3) != 0) {
            return null;
        }
        boolean mpeg2 = ((bits >>> 43) & 1) == 1;
        boolean protectionAbsent = ((bits >>> 40) & 1) == 1;
        int profile = (int) ((bits >>> 38) & 3);
        int rateIndex = (int) ((bits >>> 34) & 0xF);
        int channelConfig = (int) ((bits >>> 30) & 7);
        int frameBytes = (int) ((bits >>> 13) & 0x1FFF);
        int blocks = (int) (bits & 3) + 1;
        if (rateIndex >= RATES.length || (mpeg2 && profile == 3)) {
            return null;
        }
        AdtsHeader header = new AdtsHeader(mpeg2, protectionAbsent, profile, rateIndex, channelConfig, frameBytes, blocks);
        return frameBytes > header.headerBytes() ? header : null;
    }

    /** Header length: 7 bytes, plus the CRC and raw data block positions when protected (§1.A.2.2.2). */
    int headerBytes() {
        return protectionAbsent ? 7 : 7 + 2 * rawDataBlocks;
    }

    int sampleRateHz() {
        return RATES[rateIndex];
    }

    int samples() {
        return rawDataBlocks * SAMPLES_PER_BLOCK;
    }

    /** Whether {@code other} has the same fixed header, which every frame of a stream shares (§1.A.2.2.1). */
    boolean sameStream(AdtsHeader other) {
        return other.mpeg2 == mpeg2 && other.protectionAbsent == protectionAbsent && other.profile == profile
                && other.rateIndex == rateIndex && other.channelConfig == channelConfig;
    }

    /**
     * A readable codec name such as {@code AAC LC (ADTS)}. SBR (HE-AAC) is signalled only implicitly inside the
     * raw data, which this prober does not decode, so HE-AAC appears as LC at half its output rate.
     */
    String codecDetail() {
        return "AAC " + PROFILES[profile] + " (ADTS" + (mpeg2 ? ", MPEG-2" : "") + ")";
    }
}
