package org.cyprus.media.mp4;

import java.util.Arrays;
import java.util.HexFormat;
import org.cyprus.media.MediaException;

/**
 * An MPEG-4 Audio decoder configuration (ISO/IEC 14496-3 §1.6.2.1), as found in an {@code esds} box: what an ADTS
 * header or an fMP4 initialisation segment is built from.
 *
 * <p>The fields describe the <em>core</em> stream: for HE-AAC that is the AAC LC layer at half the output rate, with
 * {@code sbr} set and the SBR output rate in {@code extensionSamplingFrequencyHz}; this is what an ADTS header
 * carries (profile {@code audioObjectType - 1}, {@code samplingFrequencyIndex}, {@code channelConfiguration}). What
 * a listener hears is {@link #outputSampleRateHz()} and {@link #outputChannels()}.
 *
 * @param raw                          the configuration bytes exactly as stored
 * @param audioObjectType              the core object type: 2 for AAC LC, also under HE-AAC and HE-AACv2
 * @param samplingFrequencyIndex       the core rate's index (0–12), or 15 when the rate is given explicitly
 * @param samplingFrequencyHz          the core sampling rate
 * @param channelConfiguration         0 (defined by a program config element) to 14, see Table 1.19
 * @param extensionSamplingFrequencyHz the SBR output rate, 0 when no SBR is signalled
 * @param sbr                          spectral band replication is present (HE-AAC)
 * @param ps                           parametric stereo is present (HE-AACv2)
 */
public record AudioSpecificConfig(byte[] raw, int audioObjectType, int samplingFrequencyIndex, int samplingFrequencyHz,
        int channelConfiguration, int extensionSamplingFrequencyHz, boolean sbr, boolean ps) {

    /** Object type 2, AAC Low Complexity. */
    public static final int AOT_AAC_LC = 2;
    /** Object type 5, spectral band replication (explicit HE-AAC signalling). */
    public static final int AOT_SBR = 5;
    /** Object type 29, parametric stereo (explicit HE-AACv2 signalling). */
    public static final int AOT_PS = 29;

    public AudioSpecificConfig {
        raw = raw.clone();
    }

    /** Parses {@code raw}; fails with {@code TRUNCATED} or {@code CORRUPT} when the bits do not hold a configuration. */
    public static AudioSpecificConfig parse(byte[] raw) throws MediaException {
        return AudioSpecificConfigReader.read(raw);
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The rate a decoder outputs: the SBR rate for HE-AAC, else the core rate. */
    public int outputSampleRateHz() {
        if (!sbr) {
            return samplingFrequencyHz;
        }
        return extensionSamplingFrequencyHz > 0 ? extensionSamplingFrequencyHz : 2 * samplingFrequencyHz;
    }

    /**
     * The channel count a decoder outputs: 2 with parametric stereo, else as Table 1.19 of ISO/IEC 14496-3 maps the
     * channel configuration (a program config element is counted for configuration 0); 0 when unknown.
     */
    public int outputChannels() {
        if (ps) {
            return 2;
        }
        return switch (channelConfiguration) {
            case 0 -> AudioSpecificConfigReader.programConfigChannels(raw);
            case 1, 2, 3, 4, 5, 6 -> channelConfiguration;
            case 7, 12, 14 -> 8;
            case 11 -> 7;
            case 13 -> 24;
            default -> 0;
        };
    }

    /** A name for the profile: {@code AAC LC}, {@code HE-AAC}, {@code HE-AACv2}, {@code AAC Main}, ... */
    public String profileName() {
        if (ps) {
            return "HE-AACv2";
        }
        if (sbr) {
            return audioObjectType == AOT_AAC_LC ? "HE-AAC" : baseName() + " + SBR";
        }
        return baseName();
    }

    private String baseName() {
        return switch (audioObjectType) {
            case 1 -> "AAC Main";
            case 2 -> "AAC LC";
            case 3 -> "AAC SSR";
            case 4 -> "AAC LTP";
            case 6 -> "AAC Scalable";
            case 17 -> "ER AAC LC";
            case 23 -> "AAC LD";
            case 39 -> "AAC ELD";
            case 42 -> "USAC";
            default -> "MPEG-4 Audio object type " + audioObjectType;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioSpecificConfig c && Arrays.equals(c.raw, raw) && c.audioObjectType == audioObjectType
                && c.samplingFrequencyIndex == samplingFrequencyIndex && c.samplingFrequencyHz == samplingFrequencyHz
                && c.channelConfiguration == channelConfiguration
                && c.extensionSamplingFrequencyHz == extensionSamplingFrequencyHz && c.sbr == sbr && c.ps == ps;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw) * 31 + audioObjectType;
    }

    @Override
    public String toString() {
        return "AudioSpecificConfig[raw=" + HexFormat.of().formatHex(raw) + ", audioObjectType=" + audioObjectType
                + ", samplingFrequencyIndex=" + samplingFrequencyIndex + ", samplingFrequencyHz=" + samplingFrequencyHz
                + ", channelConfiguration=" + channelConfiguration + ", extensionSamplingFrequencyHz="
                + extensionSamplingFrequencyHz + ", sbr=" + sbr + ", ps=" + ps + "]";
    }
}
