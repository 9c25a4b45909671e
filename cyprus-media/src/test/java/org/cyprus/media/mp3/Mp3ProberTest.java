package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mp3ProberTest {

    /** Expected values from the encoders' settings, ffprobe's packet counts and LAME's tag (delay 576). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cbr-22k-64k-info-lame.mp3              | MP3 | MPEG-2 Layer III   | 22050 | 1 | 74 | 208 | LAME3.100 | 576 | 812 | XingSeeker
            cbr-22k-64k-ffmpeg-info-lavc.mp3       | MP3 | MPEG-2 Layer III   | 22050 | 1 | 74 | 208 | Lavc59.37 | 576 | 812 | XingSeeker
            cbr-44k-32k-no-info-lame-t.mp3         | MP3 | MPEG-1 Layer III   | 44100 | 1 | 73 | 0   | -         | 0   | 0   | CbrSeeker
            cbr-22k-32k-ffmpeg-write-xing-0.mp3    | MP3 | MPEG-2 Layer III   | 22050 | 1 | 74 | 0   | -         | 0   | 0   | CbrSeeker
            vbr-22k-xing-lame-v9.mp3               | MP3 | MPEG-2 Layer III   | 22050 | 1 | 74 | 208 | LAME3.100 | 576 | 812 | XingSeeker
            vbr-22k-no-xing-lame-t.mp3             | MP3 | MPEG-2 Layer III   | 22050 | 1 | 74 | 0   | -         | 0   | 0   | Mp3FrameIndex
            mpeg2-16k-32k-mono-no-info.mp3         | MP3 | MPEG-2 Layer III   | 16000 | 1 | 54 | 0   | -         | 0   | 0   | CbrSeeker
            mpeg2-24k-joint-stereo-vbr-xing.mp3    | MP3 | MPEG-2 Layer III   | 24000 | 2 | 80 | 192 | LAME3.100 | 576 | 621 | XingSeeker
            mpeg25-8k-24k-info-lame-resample-8.mp3 | MP3 | MPEG-2.5 Layer III | 8000  | 1 | 28 | 216 | LAME3.100 | 576 | 591 | XingSeeker
            mpeg1-44k-64k-joint-stereo-info.mp3    | MP3 | MPEG-1 Layer III   | 44100 | 2 | 73 | 208 | LAME3.100 | 576 | 1048| XingSeeker
            crc-protected-lame-p-info.mp3          | MP3 | MPEG-2 Layer III   | 22050 | 1 | 74 | 208 | LAME3.100 | 576 | 812 | XingSeeker
            free-format-16k-24k-lame.mp3           | MP3 | MPEG-2 Layer III   | 16000 | 1 | 54 | 0   | -         | 0   | 0   | CbrSeeker
            layer2-22k-32k-ffmpeg-crc.mp2          | MP2 | MPEG-2 Layer II    | 22050 | 1 | 36 | 0   | -         | 0   | 0   | CbrSeeker
            junk-and-fake-sync-before-first-frame.mp3 | MP3 | MPEG-1 Layer III | 44100 | 1 | 73 | 254 | -       | 0   | 0   | CbrSeeker
            truncated-mid-frame.mp3                | MP3 | MPEG-1 Layer III   | 44100 | 1 | 72 | 0   | -         | 0   | 0   | CbrSeeker
            vbr-xing-truncated-mid-frame.mp3       | MP3 | MPEG-2 Layer III   | 22050 | 1 | 70 | 208 | LAME3.100 | 576 | 0   | Mp3FrameIndex
            garbage-in-middle-resync.mp3           | MP3 | MPEG-1 Layer III   | 44100 | 1 | 63 | 0   | -         | 0   | 0   | Mp3FrameIndex
            samplerate-change-concatenated.mp3     | MP3 | MPEG-1 Layer III   | 44100 | 1 | 147| 0   | -         | 0   | 0   | Mp3FrameIndex
            """)
    void probesFixture(String fixture, Codec codec, String detail, int rateHz, int channels, int frames, long firstFrame,
            String encoder, int delay, int padding, String seeker) throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp3/" + fixture);
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.codec()).isEqualTo(codec);
        assertThat(stream.codecDetail()).isEqualTo(detail);
        assertThat(stream.sampleRateHz()).isEqualTo(rateHz);
        assertThat(stream.channels()).isEqualTo(channels);
        assertThat(stream.frameCount()).isEqualTo(frames);
        assertThat(stream.firstFrameOffset()).isEqualTo(firstFrame);
        assertThat(stream.encoder().orElse("-")).isEqualTo(encoder);
        assertThat(stream.encoderDelaySamples()).isEqualTo(delay);
        assertThat(stream.encoderPaddingSamples()).isEqualTo(padding);
        assertThat(stream.seekIndex().getClass().getSimpleName()).isEqualTo(seeker);
        int samplesPerFrame = detail.endsWith("Layer II") || detail.startsWith("MPEG-1") ? 1152 : 576;
        if (!fixture.startsWith("samplerate-change")) {
            assertThat(stream.durationUs()).isEqualTo(frames * (long) samplesPerFrame * 1_000_000 / rateHz);
            assertThat(stream.gaplessDurationUs())
                    .isEqualTo((frames * (long) samplesPerFrame - delay - padding) * 1_000_000 / rateHz);
        }
        long audioBytes = stream.seekIndex() instanceof Mp3FrameIndex index ? index.frameBytesTotal()
                : stream.audioEndByte() - stream.firstFrameOffset();
        assertThat(stream.bitrateBps()).isEqualTo((int) (audioBytes * 8_000_000 / stream.durationUs()));
    }

    @Test
    void warningsNameWhatWasSkippedOrCut() throws IOException, MediaException {
        assertThat(probe("junk-and-fake-sync-before-first-frame.mp3").warnings())
                .containsExactly("skipped 254 bytes before the first frame at offset 254");
        assertThat(probe("truncated-mid-frame.mp3").warnings())
                .containsExactly("the last frame, at offset 7523, is cut short: 55 of its 105 bytes are present; it is not counted");
        assertThat(probe("garbage-in-middle-resync.mp3").warnings())
                .containsExactly("skipped 155 bytes of damaged or foreign data at offset 1045; frames resume at offset 1200");
        assertThat(probe("vbr-xing-truncated-mid-frame.mp3").warnings()).hasSize(2)
                .anyMatch(w -> w.startsWith("the Xing header declares 74 frames but the stream holds 70"));
        assertThat(probe("samplerate-change-concatenated.mp3").warnings())
                .containsExactly("the stream changes to MPEG-2 Layer III, 22050 Hz at offset 7628");
        assertThat(probe("cbr-22k-64k-info-lame.mp3").warnings()).isEmpty();
    }

    @Test
    void trustedInfoHeaderSparesReadingALargeFile() throws IOException, MediaException {
        int frames = 1_000_000;
        byte[] info = HostileInputTest.xingFrame(0xFFFB50C4, 0x0F, frames, 208 + frames * 104);
        byte[] period = new CraftedFrames().frames(0xFFFB10C4, 1000).toByteArray();
        RepeatingSource book = new RepeatingSource(info, period, frames / 1000, new byte[0]);
        Mp3Stream stream = Mp3Prober.probe(book, 0, book.size());
        assertThat(stream.frameCount()).isEqualTo(frames);
        assertThat(stream.durationUs()).isEqualTo(frames * 1152L * 1_000_000 / 44100);
        assertThat(stream.seekIndex()).isInstanceOf(XingSeeker.class);
        assertThat(book.bytesRead()).isLessThan(1 << 20);

        // Without the header every frame is counted.
        RepeatingSource bare = new RepeatingSource(new byte[0], period, frames / 1000, new byte[0]);
        Mp3Stream counted = Mp3Prober.probe(bare, 0, bare.size());
        assertThat(counted.frameCount()).isEqualTo(frames);
        assertThat(counted.seekIndex()).isInstanceOf(CbrSeeker.class);
        assertThat(bare.bytesRead()).isGreaterThanOrEqualTo(bare.size());
    }

    @Test
    void infoHeaderWithoutByteCountIsCheckedAgainstTheBitrate() throws IOException, MediaException {
        byte[] audio = new CraftedFrames().frames(0xFFFB10C4, 50).toByteArray();
        byte[] right = new CraftedFrames().bytes(infoFrame(50)).bytes(audio).toByteArray();
        Mp3Stream trusted = Mp3Prober.probe(new ArrayByteSource(right), 0, right.length);
        assertThat(trusted.frameCount()).isEqualTo(50);
        byte[] wrong = new CraftedFrames().bytes(infoFrame(80)).bytes(audio).toByteArray();
        Mp3Stream counted = Mp3Prober.probe(new ArrayByteSource(wrong), 0, wrong.length);
        assertThat(counted.frameCount()).isEqualTo(50);
        assertThat(counted.warnings()).anyMatch(w -> w.contains("declares 80 frames but the stream holds 50"));
    }

    private static byte[] infoFrame(int frames) {
        byte[] frame = HostileInputTest.xingFrame(0xFFFB50C4, 0x01, frames, 0);
        int tag = 4 + 17;
        frame[tag] = 'I';
        frame[tag + 1] = 'n';
        frame[tag + 2] = 'f';
        frame[tag + 3] = 'o';
        return frame;
    }

    @Test
    void looksLikeMpegAudioSearchesOnlyAsFarAsAsked() throws IOException {
        byte[] junk = Fixtures.bytes("mp3/junk-and-fake-sync-before-first-frame.mp3");
        ArrayByteSource source = new ArrayByteSource(junk);
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, junk.length, 254)).isFalse();
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, junk.length, 255)).isTrue();
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 254, junk.length, 1)).isTrue();
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, 254 + 104 * 2, 4096)).isTrue();
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, 254 + 104 + 50, 4096)).isTrue();
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, 254 + 50, 4096)).isFalse();
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, junk.length, 0)).isFalse();
        byte[] text = Fixtures.bytes("mp3/text-renamed.mp3");
        assertThat(Mp3Prober.looksLikeMpegAudio(new ArrayByteSource(text), 0, text.length, 4096)).isFalse();
    }

    private static Mp3Stream probe(String fixture) throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp3/" + fixture);
        return Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
    }
}
