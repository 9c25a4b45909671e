package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;

import org.cyprus.media.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameHeaderTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FFFB9064 | MPEG-1 Layer III  | 128 | 44100 | 417  | 1152 | 2
            FFFB9264 | MPEG-1 Layer III  | 128 | 44100 | 418  | 1152 | 2
            FFFBE4C4 | MPEG-1 Layer III  | 320 | 48000 | 960  | 1152 | 1
            FFFB10C4 | MPEG-1 Layer III  | 32  | 44100 | 104  | 1152 | 1
            FFF380C4 | MPEG-2 Layer III  | 64  | 22050 | 208  | 576  | 1
            FFF348C4 | MPEG-2 Layer III  | 32  | 16000 | 144  | 576  | 1
            FFF38444 | MPEG-2 Layer III  | 64  | 24000 | 192  | 576  | 2
            FFE338C4 | MPEG-2.5 Layer III | 24  | 8000  | 216  | 576  | 1
            FFE31AC4 | MPEG-2.5 Layer III | 8   | 8000  | 73   | 576  | 1
            FFFD8004 | MPEG-1 Layer II   | 128 | 44100 | 417  | 1152 | 2
            FFF540C4 | MPEG-2 Layer II   | 32  | 22050 | 208  | 1152 | 1
            FFE5E8C4 | MPEG-2.5 Layer II | 160 | 8000  | 2880 | 1152 | 1
            FFFF18C0 | MPEG-1 Layer I    | 32  | 32000 | 48   | 384  | 1
            FFFF1AC0 | MPEG-1 Layer I    | 32  | 32000 | 52   | 384  | 1
            FFFFE004 | MPEG-1 Layer I    | 448 | 44100 | 484  | 384  | 2
            FFF7E8C0 | MPEG-2 Layer I    | 256 | 16000 | 768  | 384  | 1
            """)
    void decodesFieldsAndFrameLength(String hex, String detail, int kbps, int rateHz, int frameBytes, int samples, int channels) {
        FrameHeader header = FrameHeader.decode(Integer.parseUnsignedInt(hex, 16)).orElseThrow();
        assertThat(header.codecDetail()).isEqualTo(detail);
        assertThat(header.bitrateKbps()).isEqualTo(kbps);
        assertThat(header.sampleRateHz()).isEqualTo(rateHz);
        assertThat(header.frameBytes()).hasValue(frameBytes);
        assertThat(header.samplesPerFrame()).isEqualTo(samples);
        assertThat(header.channels()).isEqualTo(channels);
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00000000 | no sync
            FFDB9064 | sync is 11 bits, one missing
            FFEB9064 | version 01 is reserved
            FFF99064 | layer 00 is reserved
            FFFBF064 | bitrate index 15 is forbidden
            FFFB9C64 | sampling frequency 3 is reserved
            """)
    void rejectsInvalidHeaders(String hex, String why) {
        assertThat(FrameHeader.decode(Integer.parseUnsignedInt(hex, 16))).isEmpty();
    }

    @Test
    void crcSideInfoAndModeFields() {
        FrameHeader protectedStereo = FrameHeader.decode(0xFFFA926C).orElseThrow();
        assertThat(protectedStereo.crcProtected()).isTrue();
        assertThat(protectedStereo.padded()).isTrue();
        assertThat(protectedStereo.channelMode()).isEqualTo(ChannelMode.JOINT_STEREO);
        assertThat(protectedStereo.modeExtension()).isEqualTo(2);
        assertThat(protectedStereo.copyrighted()).isTrue();
        assertThat(protectedStereo.original()).isTrue();
        assertThat(protectedStereo.sideInfoBytes()).isEqualTo(32);
        assertThat(protectedStereo.codec()).isEqualTo(Codec.MP3);

        assertThat(FrameHeader.decode(0xFFFB90C4).orElseThrow().sideInfoBytes()).isEqualTo(17);
        assertThat(FrameHeader.decode(0xFFF38444).orElseThrow().sideInfoBytes()).isEqualTo(17);
        assertThat(FrameHeader.decode(0xFFF380C4).orElseThrow().sideInfoBytes()).isEqualTo(9);
        assertThat(FrameHeader.decode(0xFFFD8004).orElseThrow().sideInfoBytes()).isZero();
        assertThat(FrameHeader.decode(0xFFFB9066).orElseThrow().emphasis()).isEqualTo(Emphasis.RESERVED);
    }

    @Test
    void decodesFromBytes() {
        byte[] bytes = {0x00, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};
        assertThat(FrameHeader.decode(bytes, 1)).hasValue(new FrameHeader(0xFFFB9064));
        assertThat(FrameHeader.decode(bytes, 0)).isEmpty();
        assertThat(FrameHeader.decode(bytes, 2)).isEmpty();
        assertThat(FrameHeader.decode(bytes, -1)).isEmpty();
    }

    @Test
    void freeFormatHasNoLengthInTheHeader() {
        FrameHeader free = FrameHeader.decode(0xFFF308C4).orElseThrow();
        assertThat(free.freeFormat()).isTrue();
        assertThat(free.bitrateKbps()).isZero();
        assertThat(free.frameBytes()).isEmpty();
        assertThat(FrameSizeTable.frameBytes(0xFFF308C4)).isZero();
    }

    @Test
    void sizeTableAgreesWithTheHeaderForEveryValidWord() {
        for (int bits = 0; bits < 1 << 12; bits++) {
            int word = 0xFFE00000 | bits << 9 | 0xC4;
            int tableBytes = FrameSizeTable.frameBytes(word);
            var header = FrameHeader.decode(word);
            if (header.isEmpty() || header.get().freeFormat()) {
                assertThat(tableBytes).as("%08x", word).isZero();
            } else {
                assertThat(tableBytes).as("%08x", word).isEqualTo(header.get().frameBytes().getAsInt()).isBetween(21, 2881);
            }
        }
    }
}
