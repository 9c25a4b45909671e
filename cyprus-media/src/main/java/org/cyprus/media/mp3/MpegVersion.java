package org.cyprus.media.mp3;

import java.util.Optional;

/**
 * The MPEG audio version a frame header declares: MPEG-1 (ISO/IEC 11172-3), MPEG-2 low sampling frequencies
 * (ISO/IEC 13818-3) and the unofficial but widespread MPEG-2.5 extension down to 8 kHz.
 */
public enum MpegVersion {
    MPEG_1("MPEG-1", 44100, 48000, 32000),
    MPEG_2("MPEG-2", 22050, 24000, 16000),
    MPEG_2_5("MPEG-2.5", 11025, 12000, 8000);

    private final String label;
    private final int[] sampleRatesHz;

    MpegVersion(String label, int... sampleRatesHz) {
        this.label = label;
        this.sampleRatesHz = sampleRatesHz;
    }

    /**
     * The version from the header's two ID bits: {@code 11} MPEG-1, {@code 10} MPEG-2, {@code 00} MPEG-2.5;
     * {@code 01} is reserved (ISO/IEC 11172-3 §2.4.2.3 has a single ID bit; 13818-3 and MPEG-2.5 use the second).
     */
    static Optional<MpegVersion> fromBits(int bits) {
        return switch (bits & 3) {
            case 3 -> Optional.of(MPEG_1);
            case 2 -> Optional.of(MPEG_2);
            case 0 -> Optional.of(MPEG_2_5);
            default -> Optional.empty();
        };
    }

    /** The sampling frequency for {@code sampling_frequency} index 0, 1 or 2 (3 is reserved; callers reject it). */
    int sampleRateHz(int index) {
        return sampleRatesHz[index];
    }

    /** True for MPEG-2 and MPEG-2.5, the "lower sampling frequencies" of ISO/IEC 13818-3. */
    public boolean lowSamplingFrequency() {
        return this != MPEG_1;
    }

    /** How the version is written in descriptions, e.g. {@code MPEG-2.5}. */
    public String label() {
        return label;
    }
}
