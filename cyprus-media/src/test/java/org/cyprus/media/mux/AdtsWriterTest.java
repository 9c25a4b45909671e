package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ADTS headers checked field by field against FFmpeg's ADTS muxer, and the configurations ADTS cannot state. */
class AdtsWriterTest {

    /** The fields of one header (ISO/IEC 13818-7 §6.2.1–6.2.2), in bitstream order. */
    record Fields(int syncword, int id, int layer, int protectionAbsent, int profile, int samplingFrequencyIndex,
            int privateBit, int channelConfiguration, int originalCopy, int home, int copyrightIdBit,
            int copyrightIdStart, int frameLength, int bufferFullness, int rawDataBlocks) {

        static Fields parse(byte[] bytes, int at) {
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = bits << 8 | (bytes[at + i] & 0xFF);
            }
            return new Fields((int) (bits >>> 44), bit(bits, 43, 1), bit(bits, 41, 2), bit(bits, 40, 1),
                    bit(bits, 38, 2), bit(bits, 34, 4), bit(bits, 33, 1), bit(bits, 30, 3), bit(bits, 29, 1),
                    bit(bits, 28, 1), bit(bits, 27, 1), bit(bits, 26, 1), bit(bits, 13, 13), bit(bits, 2, 11),
                    bit(bits, 0, 2));
        }

        private static int bit(long bits, int shift, int width) {
            return (int) (bits >>> shift) & ((1 << width) - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aac-lc-44k-stereo.m4a", "aac-lc-22k-mono-two-tracks-chapters.m4b"})
    void headersAreFfmpegsFieldByFieldAndTheStreamIsByteForByteItsOutput(String name, @TempDir Path tmp)
            throws IOException, MediaException {
        Path m4a = MuxFixtures.path(name);
        Path reference = tmp.resolve("ffmpeg.aac");
        Tools.ffmpeg("-i", m4a.toString(), "-c", "copy", "-f", "adts", reference.toString());
        byte[] expected = Files.readAllBytes(reference);
        byte[] file = Files.readAllBytes(m4a);
        ByteSource source = new ArrayByteSource(file);
        AudioStream stream = MediaProbe.audioStream(source);
        int count = stream.frames().frameCount();

        List<Fields> ffmpeg = new ArrayList<>();
        List<Fields> ours = new ArrayList<>();
        for (int at = 0; at < expected.length; ) {
            Fields fields = Fields.parse(expected, at);
            ffmpeg.add(fields);
            at += fields.frameLength();
        }
        for (int i = 0; i < count; i++) {
            ours.add(Fields.parse(AdtsWriter.header(stream.format(), stream.frames().frameSize(i)), 0));
        }
        assertThat(ffmpeg).hasSize(count);
        assertThat(ours).isEqualTo(ffmpeg);
        assertThat(ours.getFirst().syncword()).isEqualTo(0xFFF);
        assertThat(ours.getFirst().profile()).isEqualTo(1);

        byte[] stream2 = ElementaryStream.bytes(FrameRun.read(source, stream, 0, count, 0));
        assertThat(stream2).isEqualTo(expected);
        assertThat(ElementaryStream.sizeBytes(FrameRun.read(source, stream, 0, count, 0))).isEqualTo(expected.length);
    }

    @Test
    void explicitHeAacIsWrittenWithImplicitSignallingOfItsCore() throws MediaException {
        byte[] lcCore = AdtsWriter.header(aac(22050, 2, "1390"), 300);
        assertThat(AdtsWriter.header(aac(44100, 2, "2b920800"), 300)).isEqualTo(lcCore);
        assertThat(AdtsWriter.header(aac(44100, 2, "139056e5a0"), 300)).isEqualTo(lcCore);
        Fields heV2 = Fields.parse(AdtsWriter.header(aac(44100, 2, "eb8a0800"), 300), 0);
        assertThat(heV2.profile()).isEqualTo(1);
        assertThat(heV2.samplingFrequencyIndex()).isEqualTo(7);
        assertThat(heV2.channelConfiguration()).isEqualTo(1);
        assertThat(heV2.frameLength()).isEqualTo(307);
    }

    @Test
    void everyStatedFieldComesFromTheConfiguration() throws MediaException {
        // 00001 (AAC Main) 0011 (48000) 0110 (5.1) 000
        Fields main = Fields.parse(AdtsWriter.header(aac(48000, 6, "09b0"), 8184), 0);
        assertThat(main).isEqualTo(new Fields(0xFFF, 0, 0, 1, 0, 3, 0, 6, 0, 0, 0, 0, 8191, 0x7FF, 0));
    }

    @Test
    void whatAdtsCannotStateIsRefused() {
        assertUnsupported(aac(44100, 2, "1200"), 100, "channel configuration 0");
        assertUnsupported(aac(44100, 2, "ba10"), 100, "object type 23");
        assertUnsupported(aac(44100, 2, "1780562210"), 100, "no index");
        assertUnsupported(aac(44100, 2, "1210"), 8185, "does not fit");
        assertUnsupported(aac(44100, 2, "1210"), 0, "does not fit");
        assertUnsupported(new TrackFormat(Codec.MP3, 44100, 2, 44100, new byte[0]), 100, "AAC only");
    }

    private static void assertUnsupported(TrackFormat format, int bytes, String message) {
        assertThatThrownBy(() -> AdtsWriter.header(format, bytes))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.UNSUPPORTED))
                .hasMessageContaining(message);
    }

    static TrackFormat aac(int rate, int channels, String asc) {
        return new TrackFormat(Codec.AAC, rate, channels, rate, HexFormat.of().parseHex(asc));
    }
}
