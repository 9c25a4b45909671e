package org.cyprus.media.flac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Frame headers the fixtures do not contain, built byte by byte with their CRC-8 (RFC 9639 §9.1). */
class FrameHeaderTest {

    @Test
    void variableBlockSizeHeaderCarriesA36BitSampleNumber() {
        // sync + variable strategy, block size "16 bits follow", rate 44.1 kHz, stereo independent, 16-bit,
        // sample number 2^35 + 5 in the 7-byte form, then block size 4000 - 1.
        byte[] header = withCrc(0xFF, 0xF9, 0x79, 0x18, 0xFE, 0xA0, 0x80, 0x80, 0x80, 0x80, 0x85, 0x0F, 0x9F);

        FrameHeader parsed = FrameHeader.parseFrameHeader(header, 0, header.length, 1000);

        assertThat(parsed).isEqualTo(new FrameHeader(1000, 14, true, (1L << 35) + 5, 4000, 44_100, 2, 16));
        assertThat(parsed.firstSample(4096)).isEqualTo((1L << 35) + 5);
    }

    @Test
    void fixedBlockSizeHeaderCountsFramesAndReadsUncommonRates() {
        // fixed strategy, block size 4096, rate in tens of Hz (16 bits follow), mid/side stereo, 24-bit,
        // frame number 300 in the 2-byte form, then 2205 * 10 Hz.
        byte[] header = withCrc(0xFF, 0xF8, 0xCE, 0xAC, 0xC4, 0xAC, 0x08, 0x9D);

        FrameHeader parsed = FrameHeader.parseFrameHeader(header, 0, header.length, 0);

        assertThat(parsed).isEqualTo(new FrameHeader(0, 9, false, 300, 4096, 22_050, 2, 24));
        assertThat(parsed.firstSample(4096)).isEqualTo(300 * 4096L);
    }

    @Test
    void rejectsBadCrcReservedCodesAndCutHeaders() {
        byte[] good = withCrc(0xFF, 0xF8, 0xC9, 0x08, 0x00);
        assertThat(FrameHeader.parseFrameHeader(good, 0, good.length, 0)).isNotNull();

        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 1] ^= 1;
        assertThat(FrameHeader.parseFrameHeader(badCrc, 0, badCrc.length, 0)).isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xF8, 0x09, 0x08, 0x00), 0, 6, 0)).as("block size 0b0000").isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xF8, 0xCF, 0x08, 0x00), 0, 6, 0)).as("rate 0b1111").isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xF8, 0xC9, 0xB8, 0x00), 0, 6, 0)).as("channels 0b1011").isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xF8, 0xC9, 0x06, 0x00), 0, 6, 0)).as("bit depth 0b011").isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xFA, 0xC9, 0x08, 0x00), 0, 6, 0)).as("reserved bit").isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xF8, 0xC9, 0x08, 0x80), 0, 6, 0)).as("continuation byte first").isNull();
        assertThat(FrameHeader.parseFrameHeader(withCrc(0xFF, 0xF8, 0xC9, 0x08, 0xFE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80), 0, 12, 0))
                .as("36-bit number in a fixed-block-size stream").isNull();
        for (int cut = 0; cut < good.length; cut++) {
            assertThat(FrameHeader.parseFrameHeader(Arrays.copyOf(good, cut), 0, cut, 0)).isNull();
        }
    }

    private static byte[] withCrc(int... bytes) {
        byte[] header = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            header[i] = (byte) bytes[i];
        }
        header[bytes.length] = (byte) FlacCrc.crc8(header, 0, bytes.length);
        return header;
    }
}
