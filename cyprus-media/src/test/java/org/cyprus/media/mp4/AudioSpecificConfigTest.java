package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.junit.jupiter.api.Test;

/**
 * AudioSpecificConfig bit strings (ISO/IEC 14496-3 §1.6.2.1), each written out field by field so that the expected
 * values can be checked against the syntax table by eye.
 */
class AudioSpecificConfigTest {

    @Test
    void lc44100Stereo() throws MediaException {
        // 00010 (AOT 2) 0100 (index 4 = 44100) 0010 (2 channels) 000 (GASpecificConfig)
        AudioSpecificConfig asc = AudioSpecificConfig.parse(hex("1210"));
        assertThat(asc.audioObjectType()).isEqualTo(2);
        assertThat(asc.samplingFrequencyIndex()).isEqualTo(4);
        assertThat(asc.samplingFrequencyHz()).isEqualTo(44100);
        assertThat(asc.channelConfiguration()).isEqualTo(2);
        assertThat(asc.sbr()).isFalse();
        assertThat(asc.ps()).isFalse();
        assertThat(asc.outputSampleRateHz()).isEqualTo(44100);
        assertThat(asc.outputChannels()).isEqualTo(2);
        assertThat(asc.profileName()).isEqualTo("AAC LC");
    }

    @Test
    void hex1310IsLc24000StereoNot22050Mono() throws MediaException {
        // 00010 0110 (index 6 = 24000 Hz) 0010 (stereo) 000; 22050 Hz mono would be 00010 0111 0001 000 = 13 88.
        AudioSpecificConfig asc = AudioSpecificConfig.parse(hex("1310"));
        assertThat(asc.samplingFrequencyHz()).isEqualTo(24000);
        assertThat(asc.outputChannels()).isEqualTo(2);
        AudioSpecificConfig mono = AudioSpecificConfig.parse(hex("1388"));
        assertThat(mono.samplingFrequencyHz()).isEqualTo(22050);
        assertThat(mono.outputChannels()).isEqualTo(1);
    }

    @Test
    void ffmpegSignalsNoSbrExplicitly() throws MediaException {
        // FFmpeg's encoder: LC 8000 Hz mono, then syncExtensionType 0x2b7, extension AOT 5, sbrPresentFlag 0.
        AudioSpecificConfig asc = AudioSpecificConfig.parse(hex("158856e500"));
        assertThat(asc.samplingFrequencyHz()).isEqualTo(8000);
        assertThat(asc.channelConfiguration()).isEqualTo(1);
        assertThat(asc.sbr()).isFalse();
        assertThat(asc.extensionSamplingFrequencyHz()).isZero();
        assertThat(asc.profileName()).isEqualTo("AAC LC");
    }

    @Test
    void explicitHierarchicalHeAac() throws MediaException {
        byte[] raw = bits("00101", "0111", "0010", "0100", "00010", "000"); // AOT 5, 22050, stereo, ext 44100, core AOT 2
        assertThat(raw).isEqualTo(hex("2b920800"));
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        assertThat(asc.audioObjectType()).isEqualTo(2);
        assertThat(asc.samplingFrequencyHz()).isEqualTo(22050);
        assertThat(asc.extensionSamplingFrequencyHz()).isEqualTo(44100);
        assertThat(asc.sbr()).isTrue();
        assertThat(asc.ps()).isFalse();
        assertThat(asc.outputSampleRateHz()).isEqualTo(44100);
        assertThat(asc.outputChannels()).isEqualTo(2);
        assertThat(asc.profileName()).isEqualTo("HE-AAC");
    }

    @Test
    void explicitHierarchicalHeAacV2IsStereoFromMono() throws MediaException {
        byte[] raw = bits("11101", "0111", "0001", "0100", "00010", "000"); // AOT 29, 22050, mono core, ext 44100, AOT 2
        assertThat(raw).isEqualTo(hex("eb8a0800"));
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        assertThat(asc.channelConfiguration()).isEqualTo(1);
        assertThat(asc.sbr()).isTrue();
        assertThat(asc.ps()).isTrue();
        assertThat(asc.outputChannels()).isEqualTo(2);
        assertThat(asc.outputSampleRateHz()).isEqualTo(44100);
        assertThat(asc.profileName()).isEqualTo("HE-AACv2");
    }

    @Test
    void backwardCompatibleSbrAndPsSignalling() throws MediaException {
        // LC 22050 mono, then 0x2b7, AOT 5, sbrPresentFlag 1, extension index 4 (44100), 0x548, psPresentFlag 1.
        byte[] raw = bits("00010", "0111", "0001", "000", "01010110111", "00101", "1", "0100", "10101001000", "1");
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        assertThat(asc.audioObjectType()).isEqualTo(2);
        assertThat(asc.samplingFrequencyHz()).isEqualTo(22050);
        assertThat(asc.sbr()).isTrue();
        assertThat(asc.ps()).isTrue();
        assertThat(asc.extensionSamplingFrequencyHz()).isEqualTo(44100);
        assertThat(asc.outputSampleRateHz()).isEqualTo(44100);
        assertThat(asc.outputChannels()).isEqualTo(2);
        assertThat(asc.profileName()).isEqualTo("HE-AACv2");
    }

    @Test
    void backwardCompatibleSbrWithoutPs() throws MediaException {
        byte[] raw = bits("00010", "0110", "0010", "000", "01010110111", "00101", "1", "0011");
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        assertThat(asc.samplingFrequencyHz()).isEqualTo(24000);
        assertThat(asc.outputSampleRateHz()).isEqualTo(48000);
        assertThat(asc.outputChannels()).isEqualTo(2);
        assertThat(asc.profileName()).isEqualTo("HE-AAC");
    }

    @Test
    void escapedObjectTypeAndExplicitFrequency() throws MediaException {
        // AOT 31 escape + 6 bits 001010 = 42 (USAC); index 15 then a 24-bit rate of 44056 Hz; 2 channels.
        byte[] raw = bits("11111", "001010", "1111", String.format("%24s", Integer.toBinaryString(44056)).replace(' ', '0'), "0010");
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        assertThat(asc.audioObjectType()).isEqualTo(42);
        assertThat(asc.samplingFrequencyIndex()).isEqualTo(15);
        assertThat(asc.samplingFrequencyHz()).isEqualTo(44056);
        assertThat(asc.profileName()).isEqualTo("USAC");
    }

    @Test
    void programConfigElementCountsChannels() throws MediaException {
        byte[] raw = bits("00010", "0011", "0000", // LC 48000, channelConfiguration 0
                "000", // frameLengthFlag, dependsOnCoreCoder, extensionFlag
                "0000", "01", "0011", // element_instance_tag, object_type, sampling_frequency_index
                "0010", "0000", "0001", "01", "000", "0000", // 2 front, 0 side, 1 back, 1 LFE, no assoc/cc
                "0", "0", "0", // no mixdowns
                "0", "0000", "1", "0001", // front: SCE, CPE
                "1", "0010", // back: CPE
                "0000", // LFE tag
                "000", // byte_alignment(): 69 bits so far, to 72
                "00000001", "01000001"); // comment_field_bytes 1, "A"
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        assertThat(asc.channelConfiguration()).isZero();
        assertThat(asc.outputChannels()).isEqualTo(6);
    }

    @Test
    void channelConfigurationsMapToOutputChannels() throws MediaException {
        int[][] expected = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 8}, {11, 7}, {12, 8}, {13, 24}, {14, 8}};
        for (int[] pair : expected) {
            byte[] raw = bits("00010", "0100", String.format("%4s", Integer.toBinaryString(pair[0])).replace(' ', '0'), "000");
            assertThat(AudioSpecificConfig.parse(raw).outputChannels()).as("configuration %d", pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void rawBytesAreCopied() throws MediaException {
        byte[] raw = hex("1210");
        AudioSpecificConfig asc = AudioSpecificConfig.parse(raw);
        raw[0] = 0;
        asc.raw()[1] = 0;
        assertThat(asc.raw()).isEqualTo(hex("1210"));
        assertThat(asc).isEqualTo(AudioSpecificConfig.parse(hex("1210")));
    }

    @Test
    void rejectsWhatIsNotAConfiguration() {
        assertError(new byte[0], MediaError.CORRUPT);
        assertError(hex("12"), MediaError.TRUNCATED);
        assertError(bits("00010", "1101", "0010"), MediaError.CORRUPT); // reserved index 13
        assertError(bits("00000", "0100", "0010"), MediaError.CORRUPT); // object type 0
        assertError(bits("00010", "1111", "000000000000000000000000", "0010"), MediaError.CORRUPT); // 0 Hz
        assertError(bits("00010", "0100", "1000"), MediaError.CORRUPT); // reserved channel configuration 8
    }

    private static void assertError(byte[] raw, MediaError error) {
        assertThatThrownBy(() -> AudioSpecificConfig.parse(raw)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Concatenates bit strings, padding the last byte with zeros. */
    static byte[] bits(String... fields) {
        String all = String.join("", fields);
        byte[] out = new byte[(all.length() + 7) / 8];
        for (int i = 0; i < all.length(); i++) {
            if (all.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }
}
