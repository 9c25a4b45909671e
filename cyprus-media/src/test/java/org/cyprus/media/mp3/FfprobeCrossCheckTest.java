package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds the frame layer to independent tools: ffprobe's packets (it skips the Xing/Info frame too) must be exactly
 * the indexed frames, durations must be packets × samples per frame, and the LAME delay and padding must be what
 * FFmpeg derives its skip samples from (delay + 529 at the start, padding − 529 at the end). Free format, which
 * FFmpeg 5.1 cannot demux, is checked against the sample count {@code lame --decode} produces.
 */
class FfprobeCrossCheckTest {
    private static final Pattern PACKET = Pattern.compile("packet\\|size=(\\d+)\\|pos=(\\d+)");
    private static final Pattern SKIP = Pattern.compile("skip_samples=(\\d+)\\|discard_padding=(\\d+)");
    /** The decoder delay of the MPEG audio synthesis filter bank that FFmpeg and LAME's decoder add to LAME's delay. */
    private static final int DECODER_DELAY = 529;

    record Packet(long pos, int size) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cbr-22k-32k-ffmpeg-write-xing-0.mp3",
            "cbr-22k-64k-ffmpeg-info-lavc.mp3",
            "cbr-22k-64k-info-lame.mp3",
            "cbr-44k-32k-no-info-lame-t.mp3",
            "crc-protected-lame-p-info.mp3",
            "junk-and-fake-sync-before-first-frame.mp3",
            "layer2-22k-32k-ffmpeg-crc.mp2",
            "mpeg1-44k-64k-joint-stereo-info.mp3",
            "mpeg2-16k-32k-mono-no-info.mp3",
            "mpeg2-24k-joint-stereo-vbr-xing.mp3",
            "mpeg25-8k-24k-info-lame-resample-8.mp3",
            "samplerate-change-concatenated.mp3",
            "vbr-22k-no-xing-lame-t.mp3",
            "vbr-22k-xing-lame-v9.mp3"})
    void indexedFramesAreFfprobesPackets(String fixture) throws IOException, MediaException {
        Path file = Fixtures.path("mp3/" + fixture);
        List<Packet> packets = packets(file);
        try (ByteSource source = FileByteSource.open(file)) {
            Mp3FrameIndex index = Mp3FrameIndex.build(source, 0, source.size());
            assertThat(frames(index)).isEqualTo(packets);

            Mp3Stream stream = Mp3Prober.probe(source, 0, source.size());
            assertThat(stream.frameCount()).isEqualTo(packets.size());
            assertThat(stream.firstFrameOffset()).isEqualTo(packets.getFirst().pos());
            long samples = 0;
            for (int i = 0; i < index.frameCount(); i++) {
                samples += index.frameDuration(i) * stream.sampleRateHz() / index.timescale();
            }
            if (index.runs().count() == 1) {
                assertThat(stream.durationUs()).isEqualTo(samples * 1_000_000L / stream.sampleRateHz());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cbr-22k-64k-ffmpeg-info-lavc.mp3",
            "cbr-22k-64k-info-lame.mp3",
            "crc-protected-lame-p-info.mp3",
            "mpeg1-44k-64k-joint-stereo-info.mp3",
            "mpeg2-24k-joint-stereo-vbr-xing.mp3",
            "mpeg25-8k-24k-info-lame-resample-8.mp3",
            "vbr-22k-xing-lame-v9.mp3"})
    void lameDelayAndPaddingAreFfmpegsSkipSamples(String fixture) throws IOException, MediaException {
        Path file = Fixtures.path("mp3/" + fixture);
        String out = Tools.ffprobe("-show_packets", "-show_entries", "packet=size,pos:packet_side_data", "-of", "compact",
                file.toString());
        List<long[]> skips = new ArrayList<>();
        Matcher m = SKIP.matcher(out);
        while (m.find()) {
            skips.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        try (ByteSource source = FileByteSource.open(file)) {
            Mp3Stream stream = Mp3Prober.probe(source, 0, source.size());
            assertThat(stream.encoderDelaySamples()).isPositive();
            assertThat(skips.getFirst()[0]).isEqualTo(stream.encoderDelaySamples() + DECODER_DELAY);
            assertThat(skips.getLast()[1]).isEqualTo(stream.encoderPaddingSamples() - DECODER_DELAY);
            long samples = (long) stream.frameCount() * (stream.codecDetail().startsWith("MPEG-1") ? 1152 : 576);
            long gapless = samples - stream.encoderDelaySamples() - stream.encoderPaddingSamples();
            assertThat(stream.gaplessDurationUs()).isEqualTo(gapless * 1_000_000L / stream.sampleRateHz());
        }
    }

    @Test
    void freeFormatFrameCountMatchesLamesDecodedSamples(@TempDir Path tmp) throws IOException, MediaException {
        Path file = Fixtures.path("mp3/free-format-16k-24k-lame.mp3");
        Path wav = tmp.resolve("decoded.wav");
        Tools.run("lame", "--quiet", "--decode", file.toString(), wav.toString());
        long decodedSamples = Long.parseLong(Tools.run("sox", "--i", "-s", wav.toString()).strip());
        try (ByteSource source = FileByteSource.open(file)) {
            Mp3Stream stream = Mp3Prober.probe(source, 0, source.size());
            assertThat(stream.codecDetail()).isEqualTo("MPEG-2 Layer III");
            // Without a LAME tag, lame --decode drops only the decoder delay.
            assertThat((long) stream.frameCount() * 576).isEqualTo(decodedSamples + DECODER_DELAY);
            Mp3FrameIndex index = Mp3FrameIndex.build(source, 0, source.size());
            assertThat(index.frameBytesTotal()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void truncatedFileLosesOnlyTheCutFrame() throws IOException, MediaException {
        Path file = Fixtures.path("mp3/truncated-mid-frame.mp3");
        List<Packet> packets = packets(file);
        try (ByteSource source = FileByteSource.open(file)) {
            Mp3FrameIndex index = Mp3FrameIndex.build(source, 0, source.size());
            // ffprobe passes the cut last frame on as a short packet; it is not a frame.
            assertThat(packets.getLast().pos() + 105).isGreaterThan(source.size());
            assertThat(frames(index)).isEqualTo(packets.subList(0, packets.size() - 1));
        }
    }

    static List<Packet> packets(Path file) {
        String out = Tools.ffprobe("-show_entries", "packet=size,pos", "-of", "compact", file.toString());
        List<Packet> packets = new ArrayList<>();
        Matcher m = PACKET.matcher(out);
        while (m.find()) {
            packets.add(new Packet(Long.parseLong(m.group(2)), Integer.parseInt(m.group(1))));
        }
        assertThat(packets).as("ffprobe packets of %s", file).isNotEmpty();
        return packets;
    }

    static List<Packet> frames(Mp3FrameIndex index) {
        List<Packet> frames = new ArrayList<>();
        for (int i = 0; i < index.frameCount(); i++) {
            frames.add(new Packet(index.frameOffset(i), index.frameSize(i)));
        }
        return frames;
    }
}
