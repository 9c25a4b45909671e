package org.cyprus.media.mp4;

import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Reads the bits of an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) and, for the general-audio object types, the
 * GASpecificConfig (§4.4.1) and program config element (§4.4.1.1) that follow, far enough to reach the trailing
 * backward-compatible SBR/PS signalling ({@code syncExtensionType} 0x2b7, then 0x548).
 */
final class AudioSpecificConfigReader {
    /** ISO/IEC 14496-3 Table 1.18, {@code samplingFrequencyIndex} 0–12; 13 and 14 are reserved, 15 is explicit. */
    private static final int[] SAMPLING_FREQUENCIES_HZ =
            {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    private static final int SYNC_EXTENSION_SBR = 0x2b7;
    private static final int SYNC_EXTENSION_PS = 0x548;
    private static final int AOT_ER_BSAC = 22;

    private final BitReader bits;
    private int programConfigChannels;

    private AudioSpecificConfigReader(byte[] raw) {
        this.bits = new BitReader(raw);
    }

    static AudioSpecificConfig read(byte[] raw) throws MediaException {
        if (raw.length == 0) {
            throw new MediaException(MediaError.CORRUPT, "the AudioSpecificConfig is empty");
        }
        return new AudioSpecificConfigReader(raw).parse(raw);
    }

    /** The channels a program config element declares (configuration 0), or 0 if it cannot be read. */
    static int programConfigChannels(byte[] raw) {
        AudioSpecificConfigReader reader = new AudioSpecificConfigReader(raw);
        try {
            reader.parse(raw);
        } catch (MediaException e) {
            return 0;
        }
        return reader.programConfigChannels;
    }

    private AudioSpecificConfig parse(byte[] raw) throws MediaException {
        int audioObjectType = objectType();
        int frequencyIndex = bits.bits(4);
        int frequencyHz = frequency(frequencyIndex);
        int channelConfiguration = bits.bits(4);
        boolean sbr = false;
        boolean ps = false;
        int extensionFrequencyHz = 0;
        boolean explicit = audioObjectType == AudioSpecificConfig.AOT_SBR || audioObjectType == AudioSpecificConfig.AOT_PS;
        if (explicit) {
            // §1.6.2.1: explicit hierarchical signalling; the core object type follows the SBR rate.
            sbr = true;
            ps = audioObjectType == AudioSpecificConfig.AOT_PS;
            extensionFrequencyHz = frequency(bits.bits(4));
            audioObjectType = objectType();
            if (audioObjectType == AOT_ER_BSAC) {
                bits.skip(4); // extensionChannelConfiguration
            }
        }
        if (channelConfiguration > 14 || (channelConfiguration > 7 && channelConfiguration < 11)) {
            throw new MediaException(MediaError.CORRUPT, "reserved channelConfiguration " + channelConfiguration);
        }
        boolean specificConfigRead = false;
        try {
            specificConfigRead = readSpecificConfig(audioObjectType, channelConfiguration);
            if (!explicit && specificConfigRead && bits.bitsLeft() >= 16 && bits.bits(11) == SYNC_EXTENSION_SBR) {
                // §1.6.2.1: backward-compatible signalling appended to a plain AAC configuration.
                int extensionObjectType = objectType();
                if (extensionObjectType == AudioSpecificConfig.AOT_SBR) {
                    if (bits.flag()) {
                        int rate = frequency(bits.bits(4));
                        sbr = true;
                        extensionFrequencyHz = rate;
                        if (bits.bitsLeft() >= 12 && bits.bits(11) == SYNC_EXTENSION_PS) {
                            ps = bits.flag();
                        }
                    }
                } else if (extensionObjectType == AOT_ER_BSAC && bits.flag()) {
                    extensionFrequencyHz = frequency(bits.bits(4));
                    sbr = true;
                }
            }
        } catch (MediaException e) {
            // The trailing fields are optional; the core description above stands.
        }
        return new AudioSpecificConfig(raw, audioObjectType, frequencyIndex, frequencyHz, channelConfiguration,
                extensionFrequencyHz, sbr, ps);
    }

    /** §1.6.2.1 GetAudioObjectType(): five bits, 31 escaping to 32 plus six more. */
    private int objectType() throws MediaException {
        int type = bits.bits(5);
        if (type == 31) {
            type = 32 + bits.bits(6);
        }
        if (type == 0) {
            throw new MediaException(MediaError.CORRUPT, "audio object type 0 (null)");
        }
        return type;
    }

    private int frequency(int index) throws MediaException {
        if (index == 0xF) {
            int hz = bits.bits(24);
            if (hz == 0) {
                throw new MediaException(MediaError.CORRUPT, "an explicit sampling frequency of 0 Hz");
            }
            return hz;
        }
        if (index >= SAMPLING_FREQUENCIES_HZ.length) {
            throw new MediaException(MediaError.CORRUPT, "reserved samplingFrequencyIndex " + index);
        }
        return SAMPLING_FREQUENCIES_HZ[index];
    }

    /** Reads the GASpecificConfig of the general-audio types; false for the types whose configuration is not read. */
    private boolean readSpecificConfig(int objectType, int channelConfiguration) throws MediaException {
        switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> readGaSpecificConfig(objectType, channelConfiguration);
            default -> {
                return false;
            }
        }
        if (objectType >= 17) {
            int epConfig = bits.bits(2); // §1.6.2.1: error-resilient types carry epConfig
            return epConfig < 2;
        }
        return true;
    }

    /** §4.4.1 GASpecificConfig(). */
    private void readGaSpecificConfig(int objectType, int channelConfiguration) throws MediaException {
        bits.skip(1); // frameLengthFlag
        if (bits.flag()) {
            bits.skip(14); // coreCoderDelay
        }
        boolean extensionFlag = bits.flag();
        if (channelConfiguration == 0) {
            programConfigChannels = readProgramConfigElement();
        }
        if (objectType == 6 || objectType == 20) {
            bits.skip(3); // layerNr
        }
        if (extensionFlag) {
            if (objectType == AOT_ER_BSAC) {
                bits.skip(5 + 11); // numOfSubFrame, layer_length
            }
            if (objectType == 17 || objectType == 19 || objectType == 20 || objectType == 23) {
                bits.skip(3); // resilience flags
            }
            bits.skip(1); // extensionFlag3
        }
    }

    /** §4.4.1.1 program_config_element(): returns the number of output channels it lays out. */
    private int readProgramConfigElement() throws MediaException {
        bits.skip(4 + 2 + 4); // element_instance_tag, object_type, sampling_frequency_index
        int front = bits.bits(4);
        int side = bits.bits(4);
        int back = bits.bits(4);
        int lfe = bits.bits(2);
        int assocData = bits.bits(3);
        int validCc = bits.bits(4);
        for (int i = 0; i < 3; i++) {
            if (bits.flag()) {
                bits.skip(i == 2 ? 3 : 4); // mono/stereo mixdown element number, matrix_mixdown_idx + pseudo surround
            }
        }
        int channels = 0;
        for (int i = 0; i < front + side + back; i++) {
            channels += bits.flag() ? 2 : 1;
            bits.skip(4);
        }
        channels += lfe;
        bits.skip(4L * lfe + 4L * assocData + 5L * validCc);
        bits.byteAlign();
        bits.skip(8L * bits.bits(8)); // comment_field_bytes
        return channels;
    }
}
