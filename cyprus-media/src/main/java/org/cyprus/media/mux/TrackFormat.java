package org.cyprus.media.mux;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.mp4.AudioSpecificConfig;

/**
 * What a decoder must be told about one audio stream before its frames, and what segments of it are labelled with.
 *
 * @param codec         {@link Codec#MP3}, {@link Codec#MP2} (MPEG audio Layers III and II) or {@link Codec#AAC}
 * @param sampleRateHz  the rate a listener hears (for HE-AAC with explicit signalling, the SBR rate)
 * @param channels      the channel count a listener hears
 * @param timescale     units per second of the frame times and durations of this stream's frame table
 * @param decoderConfig the AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) for AAC, empty for MPEG audio
 */
public record TrackFormat(Codec codec, int sampleRateHz, int channels, long timescale, byte[] decoderConfig) {
    /** The largest timescale a {@code mdhd} box can hold (a 32-bit unsigned field, ISO/IEC 14496-12 §8.4.2). */
    static final long MAX_TIMESCALE = 0xFFFF_FFFFL;
    /** Far more than any AudioSpecificConfig, program config element included, needs. */
    static final int MAX_DECODER_CONFIG_BYTES = 256;
    private static final int[] MPEG1_RATES_HZ = {32000, 44100, 48000};
    private static final int[] MPEG2_RATES_HZ = {16000, 22050, 24000};
    private static final int[] MPEG25_RATES_HZ = {8000, 11025, 12000};

    /**
     * Checks every field; an AAC configuration must parse as an AudioSpecificConfig.
     *
     * @throws IllegalArgumentException for any other codec, a rate that MPEG audio does not define, a channel count
     *                                  outside 1–255, a timescale outside 1–2³²−1, or a configuration that does not
     *                                  fit the codec
     */
    public TrackFormat {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(decoderConfig, "decoderConfig");
        decoderConfig = decoderConfig.clone();
        if (channels < 1 || channels > 255) {
            throw new IllegalArgumentException(channels + " channels");
        }
        if (timescale < 1 || timescale > MAX_TIMESCALE) {
            throw new IllegalArgumentException("timescale " + timescale);
        }
        switch (codec) {
            case MP3, MP2 -> {
                if (mpegVersionOf(sampleRateHz) == 0 || decoderConfig.length != 0 || channels > 2) {
                    throw new IllegalArgumentException(codec.id() + " at " + sampleRateHz + " Hz, " + channels
                            + " channels, with a " + decoderConfig.length + "-byte decoder configuration");
                }
            }
            case AAC -> {
                if (sampleRateHz < 1 || decoderConfig.length == 0 || decoderConfig.length > MAX_DECODER_CONFIG_BYTES) {
                    throw new IllegalArgumentException("AAC at " + sampleRateHz + " Hz with a " + decoderConfig.length
                            + "-byte AudioSpecificConfig");
                }
                try {
                    AudioSpecificConfig.parse(decoderConfig);
                } catch (MediaException e) {
                    throw new IllegalArgumentException("the AudioSpecificConfig does not parse: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException(codec.id() + " cannot be packed; only MP3, MP2 and AAC can");
        }
    }

    /** A copy of the decoder configuration. */
    @Override
    public byte[] decoderConfig() {
        return decoderConfig.clone();
    }

    /**
     * True when segments of {@code other} can follow segments of this format without a discontinuity: the same codec,
     * rate, channels, timescale and decoder configuration (everything an initialisation segment or a PMT states).
     */
    public boolean sameStreamAs(TrackFormat other) {
        return codec == other.codec && sampleRateHz == other.sampleRateHz && channels == other.channels
                && timescale == other.timescale && Arrays.equals(decoderConfig, other.decoderConfig);
    }

    /**
     * The RFC 6381 §3.3 {@code codecs} value for this stream in fMP4: {@code mp4a.40.}<i>AOT</i> for AAC, from the
     * first audioObjectType of the AudioSpecificConfig (2 LC, 5 HE-AAC, 29 HE-AACv2 when signalled explicitly);
     * {@code mp4a.6B} for MPEG-1 audio and {@code mp4a.69} for MPEG-2 (and 2.5) audio, the objectTypeIndication the
     * {@code esds} carries (ISO/IEC 14496-1 §7.2.6.6.2, Table 5).
     */
    public String rfc6381Codec() {
        return codec == Codec.AAC ? "mp4a.40." + audioObjectType() : mpegVersion() == 1 ? "mp4a.6B" : "mp4a.69";
    }

    /**
     * The {@code CODECS} value for an HLS variant of MPEG-TS segments (RFC 8216 §4.3.4.2): the AAC value as in
     * {@link #rfc6381Codec()}, and for MPEG audio the MPEG-4 audio object type of its layer, as Apple's HLS tools
     * and hls.js write it: {@code mp4a.40.34} for Layer III, {@code mp4a.40.33} for Layer II.
     */
    public String hlsTsCodec() {
        return switch (codec) {
            case MP3 -> "mp4a.40.34";
            case MP2 -> "mp4a.40.33";
            default -> rfc6381Codec();
        };
    }

    /** For MPEG audio, the version the sample rate belongs to: 1, 2, or 25 for MPEG-2.5; 0 for AAC. */
    int mpegVersion() {
        return codec == Codec.AAC ? 0 : mpegVersionOf(sampleRateHz);
    }

    /** The first audioObjectType of the AudioSpecificConfig: five bits, 31 escaping to 32 plus six more (§1.6.2.1). */
    int audioObjectType() {
        int first = (decoderConfig[0] & 0xFF) >>> 3;
        if (first != 31 || decoderConfig.length < 2) {
            return first;
        }
        int bits = (decoderConfig[0] & 0xFF) << 8 | (decoderConfig[1] & 0xFF);
        return 32 + ((bits >>> 5) & 0x3F);
    }

    /** The decoder configuration without a copy, for writers in this package. */
    byte[] decoderConfigView() {
        return decoderConfig;
    }

    private static int mpegVersionOf(int sampleRateHz) {
        if (Arrays.stream(MPEG1_RATES_HZ).anyMatch(r -> r == sampleRateHz)) {
            return 1;
        }
        if (Arrays.stream(MPEG2_RATES_HZ).anyMatch(r -> r == sampleRateHz)) {
            return 2;
        }
        return Arrays.stream(MPEG25_RATES_HZ).anyMatch(r -> r == sampleRateHz) ? 25 : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackFormat other && sameStreamAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, sampleRateHz, channels, timescale) * 31 + Arrays.hashCode(decoderConfig);
    }

    @Override
    public String toString() {
        return "TrackFormat[" + codec.id() + ", " + sampleRateHz + " Hz, " + channels + " ch, timescale " + timescale
                + (decoderConfig.length > 0 ? ", config " + HexFormat.of().formatHex(decoderConfig) : "") + "]";
    }
}
