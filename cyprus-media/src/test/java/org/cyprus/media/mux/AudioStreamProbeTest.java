package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.cyprus.media.Codec;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code MediaProbe.audioStream}: the format and frames of every file that can be repackaged, the Xing/Info frame
 * left out, and a clear {@code unsupported_format} for everything else.
 */
class AudioStreamProbeTest {

    @ParameterizedTest
    @CsvSource({
        "aac-lc-44k-stereo.m4a, AAC, 44100, 2, 44100, 121056e500, mp4a.40.2",
        "aac-lc-22k-mono-two-tracks-chapters.m4b, AAC, 22050, 1, 22050, 138856e500, mp4a.40.2",
        "aac-lc-48k-stereo.aac, AAC, 48000, 2, 48000, 1190, mp4a.40.2",
        "mp3-cbr-44k-128k-info.mp3, MP3, 44100, 2, 44100, '', mp4a.6B",
        "mp3-vbr-44k-xing.mp3, MP3, 44100, 2, 44100, '', mp4a.6B",
        "mp3-mpeg2-22k-mono-vbr-xing.mp3, MP3, 22050, 1, 22050, '', mp4a.69",
        "mp2-48k-stereo.mp2, MP2, 48000, 2, 48000, '', mp4a.6B",
        "mp3-in-mp4-44k.mp4, MP3, 44100, 2, 44100, '', mp4a.6B",
    })
    void formatIsWhatTheFileHolds(String name, Codec codec, int rate, int channels, long timescale, String asc,
            String codecString) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(name))) {
            AudioStream stream = MediaProbe.audioStream(source);
            TrackFormat format = stream.format();
            assertThat(format).isEqualTo(new TrackFormat(codec, rate, channels, timescale,
                    HexFormat.of().parseHex(asc == null ? "" : asc)));
            assertThat(format.rfc6381Codec()).isEqualTo(codecString);
            assertThat(stream.frames()).isInstanceOf(PackedFrameTable.class);
            assertThat(stream.endTime()).isBetween(19L * timescale, 21L * timescale);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3-vbr-44k-xing.mp3", "mp3-cbr-44k-128k-info.mp3", "mp3-mpeg2-22k-mono-vbr-xing.mp3"})
    void theXingOrInfoFrameIsNotAFrameAndTheStreamIsEverythingAfterIt(String name) throws IOException, MediaException {
        byte[] file = Files.readAllBytes(MuxFixtures.path(name));
        AudioStream stream = MediaProbe.audioStream(new ArrayByteSource(file));
        FrameTable frames = stream.frames();
        long first = frames.frameOffset(0);
        String head = new String(file, 0, (int) first, StandardCharsets.ISO_8859_1);
        assertThat(head).as("a Xing or Info frame precedes the first audio frame").containsAnyOf("Xing", "Info");
        assertThat(new String(file, (int) first, 64, StandardCharsets.ISO_8859_1)).doesNotContain("Xing", "Info");
        FfprobePackets probed = FfprobePackets.of(MuxFixtures.path(name));
        assertThat(probed.packets()).hasSize(frames.frameCount());
        int last = frames.frameCount() - 1;
        long end = frames.frameOffset(last) + frames.frameSize(last);
        FrameRun all = FrameRun.read(new ArrayByteSource(file), stream, 0, frames.frameCount(), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElementaryStream.write(all, out);
        assertThat(out.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(file, (int) first, (int) end));
    }

    @ParameterizedTest
    @CsvSource({
        "flac/tagged-seektable-cover.flac, flac",
        "ogg/opus-tags-chapters.opus, ogg",
        "ogg/vorbis-tags-chapters-picture.ogg, ogg",
        "wav/pcm16-mono-list-info.wav, wav",
        "wavpack/lossless-16bit-stereo-5-blocks.wv, wavpack",
        "mp4/alac-16bit.m4a, ALAC",
        "adts/aac-lc-pce-4ch.aac, channel configuration 0",
        "mp3/samplerate-change-concatenated.mp3, changes its parameters midway",
    })
    void otherAudioIsUnsupportedWithAReason(String fixture, String reason) {
        assertThatThrownBy(() -> MediaProbe.audioStream(new ArrayByteSource(Fixtures.bytes(fixture))))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.UNSUPPORTED))
                .hasMessageContaining(reason);
    }

    @Test
    void mpegLayerOneIsUnsupported() {
        // MPEG-1 Layer I, 32 kbit/s, 32 kHz, mono, no CRC: (12 × 32000 / 32000) × 4 = 48-byte frames.
        byte[] file = new byte[48 * 20];
        for (int at = 0; at < file.length; at += 48) {
            file[at] = (byte) 0xFF;
            file[at + 1] = (byte) 0xFF;
            file[at + 2] = 0x18;
            file[at + 3] = (byte) 0xC0;
        }
        assertThatThrownBy(() -> MediaProbe.audioStream(new ArrayByteSource(file)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.UNSUPPORTED))
                .hasMessageContaining("Layer I ");
    }

    @Test
    void mp3ThatChangesChannelCountIsUnsupported(@TempDir Path tmp) throws IOException {
        Path mono = tmp.resolve("mono.mp3");
        Path stereo = tmp.resolve("stereo.mp3");
        for (Path out : new Path[] {mono, stereo}) {
            Tools.ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=2", "-ar", "44100", "-ac", out == mono ? "1" : "2", "-c:a",
                    "libmp3lame", "-b:a", "64k", "-write_xing", "0", out.toString());
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(Files.readAllBytes(mono));
        joined.write(Files.readAllBytes(stereo));
        assertThatThrownBy(() -> MediaProbe.audioStream(new ArrayByteSource(joined.toByteArray())))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.UNSUPPORTED))
                .hasMessageContaining("2 channels where the stream began as MPEG-1 Layer III, 44100 Hz, 1 channel");
    }

    @Test
    void adtsFramesAreTheAccessUnitsWithoutTheirHeaders() throws IOException, MediaException {
        byte[] file = Fixtures.bytes("adts/aac-lc-mono-16k.aac");
        AudioStream stream = MediaProbe.audioStream(new ArrayByteSource(file));
        assertThat(stream.format().decoderConfig()).isEqualTo(HexFormat.of().parseHex("1408"));
        FrameTable adts = MediaProbe.frameTable(new ArrayByteSource(file));
        assertThat(stream.frames().frameCount()).isEqualTo(adts.frameCount());
        for (int i = 0; i < adts.frameCount(); i++) {
            assertThat(stream.frames().frameOffset(i)).isEqualTo(adts.frameOffset(i) + 7);
            assertThat(stream.frames().frameSize(i)).isEqualTo(adts.frameSize(i) - 7);
            assertThat(stream.frames().frameTime(i)).isEqualTo(adts.frameTime(i));
        }
    }
}
