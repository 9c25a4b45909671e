package org.cyprus.media.adts;

import java.util.Objects;
import org.cyprus.media.FrameTable;

/**
 * An ADTS stream as repackaging needs it: the fixed header every frame shares (ISO/IEC 14496-3 §1.A.2.2.1) and
 * every frame, each holding exactly one raw data block (one AAC access unit of 1024 samples).
 *
 * @param audioObjectType        the ADTS {@code profile} + 1: 1 Main, 2 LC, 3 SSR, 4 LTP
 * @param samplingFrequencyIndex the {@code sampling_frequency_index} (Table 1.18)
 * @param sampleRateHz           the rate that index stands for (the core rate: implicit SBR is not detected)
 * @param channelConfiguration   the {@code channel_configuration}, 1 to 7
 * @param headerBytes            bytes before each frame's access unit: 7, or 9 with a CRC
 * @param frames                 every whole frame, header included, in samples at {@code sampleRateHz}
 */
public record AdtsTrack(int audioObjectType, int samplingFrequencyIndex, int sampleRateHz, int channelConfiguration,
        int headerBytes, FrameTable frames) {

    public AdtsTrack {
        Objects.requireNonNull(frames, "frames");
    }

    /**
     * The AudioSpecificConfig that describes the stream (ISO/IEC 14496-3 §1.6.2.1): {@code audioObjectType} (5 bits),
     * {@code samplingFrequencyIndex} (4), {@code channelConfiguration} (4), then a GASpecificConfig (§4.4.1) of three
     * zero bits — 1024-sample frames, no core coder, no extension.
     */
    public byte[] audioSpecificConfig() {
        int bits = audioObjectType << 11 | samplingFrequencyIndex << 7 | channelConfiguration << 3;
        return new byte[] {(byte) (bits >>> 8), (byte) bits};
    }

    /** The number of channels the configuration stands for (Table 1.19: 7 is 7.1, eight channels). */
    public int channels() {
        return channelConfiguration == 7 ? 8 : channelConfiguration;
    }
}
