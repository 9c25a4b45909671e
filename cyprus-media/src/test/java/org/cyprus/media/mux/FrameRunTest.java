package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import org.cyprus.media.Codec;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading runs from files (one read per stretch of back-to-back frames), joining them, and what a run refuses. */
class FrameRunTest {
    private static final TrackFormat MP3 = new TrackFormat(Codec.MP3, 44100, 2, 44100, new byte[0]);

    /** Counts positional reads. */
    static final class CountingSource implements ByteSource {
        private final ByteSource inner;
        int reads;

        CountingSource(ByteSource inner) {
            this.inner = inner;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public int read(long position, ByteBuffer dst) throws IOException {
            return inner.read(position, dst);
        }

        @Override
        public void readFully(long position, byte[] dst, int offset, int length) throws IOException, MediaException {
            reads++;
            inner.readFully(position, dst, offset, length);
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    @Test
    void mp3FramesAreReadInOneGo() throws IOException, MediaException {
        byte[] file = Files.readAllBytes(MuxFixtures.path("mp3-vbr-44k-xing.mp3"));
        AudioStream stream = MediaProbe.audioStream(new ArrayByteSource(file));
        CountingSource source = new CountingSource(new ArrayByteSource(file));
        FrameRun run = FrameRun.read(source, stream, 10, 240, 12345);
        assertThat(source.reads).isEqualTo(1);
        assertThat(run.frameCount()).isEqualTo(230);
        assertThat(run.startTime()).isEqualTo(12345);
        assertThat(run.payload()).isEqualTo(framesOneByOne(file, stream.frames(), 10, 240));
        assertThat(run.durationTime()).isEqualTo(230 * 1152L);
        assertThat(run.endTime()).isEqualTo(12345 + 230 * 1152L);
    }

    @ParameterizedTest
    @CsvSource({"aac-lc-44k-stereo.m4a, 1", "aac-lc-48k-stereo.aac, 1", "aac-lc-22k-mono-two-tracks-chapters.m4b, -1"})
    void oneReadSpansFramesUnlessFarApart(String name, int expectedReads) throws IOException, MediaException {
        byte[] file = Files.readAllBytes(MuxFixtures.path(name));
        AudioStream stream = MediaProbe.audioStream(new ArrayByteSource(file));
        FrameTable frames = stream.frames();
        int farApart = 0;
        for (int i = 1; i < frames.frameCount(); i++) {
            long gap = frames.frameOffset(i) - frames.frameOffset(i - 1) - frames.frameSize(i - 1);
            if (gap < 0 || gap > FrameRun.MAX_SPANNED_GAP_BYTES) {
                farApart++;
            }
        }
        if (expectedReads < 0) {
            assertThat(farApart).as("the second track's samples lie between the chosen track's").isGreaterThan(100);
            expectedReads = farApart + 1;
        }
        CountingSource source = new CountingSource(new ArrayByteSource(file));
        FrameRun run = FrameRun.read(source, stream, 0, frames.frameCount(), 0);
        assertThat(source.reads).isEqualTo(expectedReads);
        assertThat(run.payload()).isEqualTo(framesOneByOne(file, frames, 0, frames.frameCount()));
        for (int i = 0; i < run.frameCount(); i++) {
            assertThat(run.frameSize(i)).isEqualTo(frames.frameSize(i));
            assertThat((long) run.frameDuration(i)).isEqualTo(frames.frameDuration(i));
        }
    }

    @Test
    void aFrameBeyondTheSourceIsTruncation() throws IOException, MediaException {
        byte[] file = Files.readAllBytes(MuxFixtures.path("mp3-cbr-44k-128k-info.mp3"));
        AudioStream stream = MediaProbe.audioStream(new ArrayByteSource(file));
        ByteSource cut = new ArrayByteSource(Arrays.copyOf(file, file.length / 2));
        int last = stream.frames().frameCount();
        assertThatThrownBy(() -> FrameRun.read(cut, stream, last - 10, last, 0))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.TRUNCATED));
    }

    @Test
    void rangesOutsideTheTableOrOverTheLimitAreRefused() throws IOException, MediaException {
        byte[] file = Files.readAllBytes(MuxFixtures.path("mp3-cbr-44k-128k-info.mp3"));
        ByteSource source = new ArrayByteSource(file);
        AudioStream stream = MediaProbe.audioStream(source);
        int count = stream.frames().frameCount();
        assertThatThrownBy(() -> FrameRun.read(source, stream, 5, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameRun.read(source, stream, -1, 5, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> FrameRun.read(source, stream, 0, count + 1, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        AudioStream huge = new AudioStream(MP3, new UniformTable(44100, FrameRun.MAX_FRAMES + 1, 417, 1152));
        assertThatThrownBy(() -> FrameRun.read(source, huge, 0, FrameRun.MAX_FRAMES + 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        AudioStream fat = new AudioStream(MP3, new UniformTable(44100, 100, 1 << 20, 1152));
        assertThatThrownBy(() -> FrameRun.read(source, fat, 0, 100, 0))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
    }

    @Test
    void concatPlacesTheNextRunRightAfterThisOne() {
        FrameRun first = run(1000, new int[] {3, 2}, new int[] {1152, 1152});
        FrameRun second = run(999_999, new int[] {4}, new int[] {576});
        FrameRun joined = first.concat(second);
        assertThat(joined.startTime()).isEqualTo(1000);
        assertThat(joined.frameSizes()).containsExactly(3, 2, 4);
        assertThat(joined.frameDurations()).containsExactly(1152, 1152, 576);
        assertThat(joined.payload()).containsExactly(0, 1, 2, 3, 4, 0, 1, 2, 3);
        assertThat(joined.endTime()).isEqualTo(1000 + 1152 + 1152 + 576);
        TrackFormat other = new TrackFormat(Codec.MP3, 48000, 2, 48000, new byte[0]);
        FrameRun foreign = new FrameRun(other, 0, new int[] {1}, new int[] {1152}, new byte[1]);
        assertThatThrownBy(() -> first.concat(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunCannotBeChangedFromOutside() {
        int[] sizes = {2, 2};
        int[] durations = {1152, 1152};
        byte[] payload = {1, 2, 3, 4};
        FrameRun run = new FrameRun(MP3, 0, sizes, durations, payload);
        sizes[0] = 3;
        durations[0] = 1;
        payload[0] = 9;
        run.payload()[1] = 9;
        run.frameSizes()[1] = 9;
        assertThat(run.frameSizes()).containsExactly(2, 2);
        assertThat(run.frameDurations()).containsExactly(1152, 1152);
        assertThat(run.payload()).containsExactly(1, 2, 3, 4);
        assertThat(run).isEqualTo(new FrameRun(MP3, 0, new int[] {2, 2}, new int[] {1152, 1152}, new byte[] {1, 2, 3, 4}));
    }

    @Test
    void inconsistentRunsAreRefused() {
        assertThatThrownBy(() -> new FrameRun(MP3, 0, new int[] {2}, new int[] {1152}, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up");
        assertThatThrownBy(() -> new FrameRun(MP3, 0, new int[] {2}, new int[0], new byte[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameRun(MP3, 0, new int[0], new int[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameRun(MP3, -1, new int[] {2}, new int[] {1152}, new byte[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameRun(MP3, 0, new int[] {0, 2}, new int[] {1, 1}, new byte[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameRun(MP3, Long.MAX_VALUE - 5, new int[] {2}, new int[] {1152}, new byte[2]))
                .isInstanceOf(ArithmeticException.class);
    }

    static FrameRun run(long start, int[] sizes, int[] durations) {
        int total = Arrays.stream(sizes).sum();
        byte[] payload = new byte[total];
        for (int i = 0; i < total; i++) {
            payload[i] = (byte) i;
        }
        return new FrameRun(MP3, start, sizes, durations, payload);
    }

    private static byte[] framesOneByOne(byte[] file, FrameTable frames, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            out.write(file, (int) frames.frameOffset(i), frames.frameSize(i));
        }
        return out.toByteArray();
    }
}
