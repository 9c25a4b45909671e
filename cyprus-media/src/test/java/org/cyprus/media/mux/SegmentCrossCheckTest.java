package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cyprus.media.Codec;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture cut into ~6 s runs and written as fMP4 (init + media segments), as MPEG-TS segments and as a bare
 * elementary stream: FFmpeg must decode each without a single error line, and ffprobe must demux exactly the source's
 * frames — same count, same sizes (plus 7 header bytes per AAC frame where ADTS carries it), the same time stamps
 * within one tick of its time base. The fMP4 is also read back by this engine's own MP4 reader.
 */
class SegmentCrossCheckTest {
    private static final double SEGMENT_SECONDS = 6;

    static List<String> fixtures() {
        return MuxFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fmp4SegmentsCarryExactlyTheSourceFrames(String name, @TempDir Path tmp) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(name))) {
            AudioStream stream = MediaProbe.audioStream(source);
            List<FrameRun> runs = Cuts.of(source, stream, SEGMENT_SECONDS);
            assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(Fmp4Writer.initSegment(stream.format()));
            for (int i = 0; i < runs.size(); i++) {
                all.write(Fmp4Writer.mediaSegment(runs.get(i), i + 1));
            }
            Path file = Files.write(tmp.resolve("all.mp4"), all.toByteArray());

            assertThat(FfprobePackets.decodeErrors(file)).isEmpty();
            assertPackets(FfprobePackets.of(file), stream.frames(), 0);
            FrameTable reread = MediaProbe.frameTable(new ArrayByteSource(all.toByteArray()));
            assertThat(reread.frameCount()).isEqualTo(stream.frames().frameCount());
            for (int i = 0; i < reread.frameCount(); i++) {
                assertThat(reread.frameSize(i)).isEqualTo(stream.frames().frameSize(i));
                assertThat(reread.frameTime(i)).isEqualTo(stream.frames().frameTime(i));
                assertThat(reread.frameDuration(i)).isEqualTo(stream.frames().frameDuration(i));
            }

            Path middle = tmp.resolve("middle.mp4");
            Files.write(middle, Fmp4Writer.initSegment(stream.format()));
            Files.write(middle, Fmp4Writer.mediaSegment(runs.get(1), 2), java.nio.file.StandardOpenOption.APPEND);
            assertThat(FfprobePackets.decodeErrors(middle)).isEmpty();
            FfprobePackets alone = FfprobePackets.of(middle);
            assertThat(alone.packets()).hasSize(runs.get(1).frameCount());
            assertThat(alone.packets().getFirst().pts()).isEqualTo(runs.get(1).startTime());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void tsSegmentsCarryExactlyTheSourceFrames(String name, @TempDir Path tmp) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(name))) {
            AudioStream stream = MediaProbe.audioStream(source);
            List<FrameRun> runs = Cuts.of(source, stream, SEGMENT_SECONDS);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int continuity = 0;
            for (FrameRun run : runs) {
                byte[] segment = MpegTsWriter.segment(run, continuity);
                assertThat(segment.length % 188).isZero();
                all.write(segment);
                continuity = MpegTsWriter.nextContinuity(run, continuity);
            }
            Path file = Files.write(tmp.resolve("all.ts"), all.toByteArray());

            assertThat(FfprobePackets.decodeErrors(file)).isEmpty();
            assertPackets(FfprobePackets.of(file), stream.frames(), adtsBytes(stream));

            Path middle = Files.write(tmp.resolve("middle.ts"), MpegTsWriter.segment(runs.get(1), 5));
            assertThat(FfprobePackets.decodeErrors(middle)).isEmpty();
            FfprobePackets alone = FfprobePackets.of(middle);
            assertThat(alone.packets()).hasSize(runs.get(1).frameCount());
            assertThat(alone.packets().getFirst().pts())
                    .isEqualTo(alone.toTimeBase(runs.get(1).startTime(), stream.format().timescale()));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void elementaryStreamCarriesExactlyTheSourceFrames(String name, @TempDir Path tmp) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(name))) {
            AudioStream stream = MediaProbe.audioStream(source);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (FrameRun run : Cuts.of(source, stream, SEGMENT_SECONDS)) {
                ElementaryStream.write(run, all);
            }
            boolean aac = stream.format().codec() == Codec.AAC;
            Path file = Files.write(tmp.resolve(aac ? "all.aac" : "all.mp3"), all.toByteArray());

            assertThat(FfprobePackets.decodeErrors(file)).isEmpty();
            assertPackets(FfprobePackets.of(file), stream.frames(), adtsBytes(stream));
        }
    }

    private static int adtsBytes(AudioStream stream) {
        return stream.format().codec() == Codec.AAC ? AdtsWriter.HEADER_BYTES : 0;
    }

    /** ffprobe's packets are the frames, each {@code extraBytes} larger, with their times in its time base. */
    static void assertPackets(FfprobePackets probed, FrameTable frames, int extraBytes) {
        assertThat(probed.packets()).hasSize(frames.frameCount());
        for (int i = 0; i < frames.frameCount(); i++) {
            FfprobePackets.Packet packet = probed.packets().get(i);
            long expectedPts = probed.toTimeBase(frames.frameTime(i), frames.timescale());
            assertThat(packet.size()).as("size of frame %d", i).isEqualTo(frames.frameSize(i) + extraBytes);
            assertThat(packet.pts()).as("pts of frame %d", i).isBetween(expectedPts - 1, expectedPts + 1);
        }
    }
}
