package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.testing.FaultyByteSource;
import org.cyprus.media.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile bytes: whatever the input, parsing ends with a result that holds together, a {@link MediaException} or
 * an {@link IOException} — never another exception, never a hang, never a large allocation.
 */
class HostileInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"vbr-22k-xing-lame-v9.mp3", "mpeg25-8k-24k-info-lame-resample-8.mp3", "free-format-16k-24k-lame.mp3",
            "layer2-22k-32k-ffmpeg-crc.mp2", "garbage-in-middle-resync.mp3"})
    void truncationAtEveryOffset(String fixture) throws IOException {
        byte[] bytes = Fixtures.bytes("mp3/" + fixture);
        for (int length = 0; length <= bytes.length; length++) {
            parseAll(Arrays.copyOf(bytes, length));
        }
    }

    @Test
    void truncationOfACraftedVbriStream() throws IOException, MediaException {
        byte[] bytes = CraftedStreamsTest.vbri();
        for (int length = 0; length <= bytes.length; length += 1) {
            parseAll(Arrays.copyOf(bytes, length));
        }
    }

    /** Seeded; {@code -Dmp3.fuzz.rounds=N -Dmp3.fuzz.seed=S} runs longer or other campaigns. */
    @ParameterizedTest
    @ValueSource(strings = {"cbr-22k-64k-info-lame.mp3", "vbr-22k-xing-lame-v9.mp3", "mpeg2-24k-joint-stereo-vbr-xing.mp3",
            "free-format-16k-24k-lame.mp3", "samplerate-change-concatenated.mp3"})
    void randomByteFlips(String fixture) throws IOException, MediaException {
        byte[] original = Fixtures.bytes("mp3/" + fixture);
        Random random = new Random(fixture.hashCode() + Long.getLong("mp3.fuzz.seed", 0));
        int rounds = Integer.getInteger("mp3.fuzz.rounds", 1500);
        for (int round = 0; round < rounds; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                // Bias towards the start, where the headers that steer the parser sit.
                int at = random.nextBoolean() ? random.nextInt(Math.min(400, bytes.length)) : random.nextInt(bytes.length);
                bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ (1 << random.nextInt(8)));
            }
            parseAll(bytes);
        }
        parseAll(CraftedStreamsTest.vbri());
    }

    @Test
    void randomFilesAreRejectedQuickly() throws IOException {
        Random random = new Random(42);
        long started = System.nanoTime();
        for (int size : new int[] {1, 3, 4, 5, 100, 4096, 1 << 20}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertUnrecognized(bytes);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void emptyAndTextInputsAreUnrecognized() throws IOException {
        assertUnrecognized(Fixtures.bytes("mp3/zero-bytes.mp3"));
        assertUnrecognized(Fixtures.bytes("mp3/text-renamed.mp3"));
        assertUnrecognized(new byte[64 * 1024]);
        byte[] syncWords = new byte[8192];
        for (int i = 0; i < syncWords.length; i += 2) {
            syncWords[i] = (byte) 0xFF;
            syncWords[i + 1] = (byte) 0xFB;
        }
        assertUnrecognized(syncWords);
    }

    @Test
    void rangeArgumentsOutsideTheFile() throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp3/cbr-44k-32k-no-info-lame-t.mp3");
        ByteSource source = new ArrayByteSource(bytes);
        assertThat(Mp3Prober.probe(source, 0, Long.MAX_VALUE).audioEndByte()).isEqualTo(bytes.length);
        for (long[] range : new long[][] {{bytes.length, bytes.length}, {bytes.length + 10, bytes.length + 20}, {100, 50},
                {5, 5}, {0, -1}}) {
            assertThatThrownBy(() -> Mp3Prober.probe(source, range[0], range[1])).isInstanceOf(MediaException.class)
                    .extracting(e -> ((MediaException) e).error()).isEqualTo(MediaError.UNRECOGNIZED);
            assertThat(Mp3Prober.looksLikeMpegAudio(source, range[0], range[1], 4096)).isFalse();
        }
    }

    @Test
    void xingHeaderClaimingHugeCountsInATinyFile() throws IOException, MediaException {
        byte[] audio = new CraftedFrames().frames(0xFFFB10C4, 20).toByteArray();
        int honestBytes = 208 + audio.length;
        for (int[] claim : new int[][] {{20, honestBytes}, {-1, -1}, {-1, honestBytes}, {1, 1}, {0, 0},
                {40_000_000, honestBytes}, {20, Integer.MAX_VALUE}, {20, honestBytes + 1}, {20, 208}, {21, honestBytes}}) {
            byte[] bytes = new CraftedFrames().bytes(xingFrame(0xFFFB50C4, 0x0F, claim[0], claim[1])).bytes(audio).toByteArray();
            Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
            assertThat(stream.frameCount()).as("claim %s", Arrays.toString(claim)).isEqualTo(20);
            assertThat(stream.firstFrameOffset()).isEqualTo(208);
            assertThat(stream.encoder()).hasValue("LAME3.100");
            assertConsistent(stream, bytes.length);
            if (claim[0] != 20) {
                // A table from a header the data contradicts is not used.
                assertThat(stream.seekIndex()).isInstanceOf(CbrSeeker.class);
            }
        }
        // Flags that declare more fields than the frame holds: the header is ignored, the frame still skipped.
        byte[] bytes = new CraftedFrames().bytes(xingFrame(0xFFE31AC4, 0x0F, 20, 0)).frames(0xFFE31AC4, 20).toByteArray();
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.frameCount()).isEqualTo(20);
        assertThat(stream.firstFrameOffset()).isEqualTo(73);
        assertThat(stream.warnings()).anyMatch(w -> w.contains("declares fields past the end"));
    }

    @Test
    void vbriHeaderWithAnImpossibleTable() throws IOException, MediaException {
        int word = 0xFFF380C4;
        ByteBuffer frame = ByteBuffer.allocate(208).putInt(word);
        frame.position(36).put("VBRI".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putInt(-1).putInt(-1).putShort((short) 65535).putShort((short) 65535)
                .putShort((short) 4).putShort((short) 65535);
        byte[] bytes = new CraftedFrames().bytes(frame.array()).frames(0xFFF310C4, 10).toByteArray();
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.frameCount()).isEqualTo(10);
        assertThat(stream.warnings()).anyMatch(w -> w.contains("runs past the end of its frame"));
        assertConsistent(stream, bytes.length);
    }

    @Test
    void loneXingFrameHasNoAudio() {
        byte[] bytes = xingFrame(0xFFFB10C4, 0x01, 0, 0);
        assertThatThrownBy(() -> Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length))
                .isInstanceOf(MediaException.class).extracting(e -> ((MediaException) e).error()).isEqualTo(MediaError.NO_AUDIO);
    }

    @Test
    void shortReadsGiveTheSameAnswers() throws IOException, MediaException {
        for (String fixture : new String[] {"vbr-22k-xing-lame-v9.mp3", "garbage-in-middle-resync.mp3", "junk-and-fake-sync-before-first-frame.mp3"}) {
            byte[] bytes = Fixtures.bytes("mp3/" + fixture);
            String expected = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length).toString().replaceAll("@\\w+", "");
            Mp3FrameIndex index = Mp3FrameIndex.build(new ArrayByteSource(bytes), 0, bytes.length);
            for (int maxRead : new int[] {1, 3, 7, 4096}) {
                FaultyByteSource faulty = new FaultyByteSource(bytes, maxRead, -1);
                assertThat(Mp3Prober.probe(faulty, 0, bytes.length).toString().replaceAll("@\\w+", "")).isEqualTo(expected);
                assertThat(Mp3FrameIndex.build(faulty, 0, bytes.length)).isEqualTo(index);
            }
        }
    }

    @Test
    void ioErrorsSurfaceAsIoExceptions() {
        byte[] bytes = Fixtures.bytes("mp3/vbr-22k-no-xing-lame-t.mp3");
        for (long failAt : new long[] {0, 3, 500, bytes.length / 2, bytes.length - 1}) {
            FaultyByteSource faulty = new FaultyByteSource(bytes, 64, failAt);
            assertThatThrownBy(() -> Mp3FrameIndex.build(faulty, 0, bytes.length)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> Mp3Prober.probe(faulty, 0, bytes.length)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void sourceThatShrinksAfterOpening() {
        byte[] bytes = Fixtures.bytes("mp3/vbr-22k-no-xing-lame-t.mp3");
        ByteSource shrunk = new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(long position, ByteBuffer dst) {
                if (position >= bytes.length / 2) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), bytes.length / 2 - position);
                dst.put(bytes, (int) position, n);
                return n;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> Mp3FrameIndex.build(shrunk, 0, bytes.length)).isInstanceOf(IOException.class);
    }

    /** A Layer III frame holding a Xing header with {@code flags}, frame and byte counts (-1: leave as is), a TOC and a LAME tag. */
    static byte[] xingFrame(int word, int flags, int frames, int bytes) {
        FrameHeader header = new FrameHeader(word);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeInt(word);
            data.write(new byte[header.sideInfoBytes()]);
            data.writeBytes("Xing");
            data.writeInt(flags);
            data.writeInt(frames);
            data.writeInt(bytes);
            for (int i = 0; i < 100; i++) {
                data.writeByte(i * 255 / 99);
            }
            data.writeInt(50);
            data.writeBytes("LAME3.100");
            data.write(new byte[27]);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] frame = Arrays.copyOf(out.toByteArray(), Math.max(out.size(), header.frameBytes().orElseThrow()));
        return Arrays.copyOf(frame, header.frameBytes().orElseThrow());
    }

    private static void assertUnrecognized(byte[] bytes) throws IOException {
        ArrayByteSource source = new ArrayByteSource(bytes);
        try {
            Mp3Prober.probe(source, 0, bytes.length);
            fail("probed " + bytes.length + " bytes as MPEG audio");
        } catch (MediaException e) {
            assertThat(e.error()).isEqualTo(MediaError.UNRECOGNIZED);
        }
        assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, bytes.length, 1 << 20)).isFalse();
    }

    /** Runs everything the package offers on {@code bytes}; fails on any exception but MediaException. */
    static void parseAll(byte[] bytes) throws IOException {
        ArrayByteSource source = new ArrayByteSource(bytes);
        try {
            assertConsistent(Mp3Prober.probe(source, 0, bytes.length), bytes.length);
            assertThat(Mp3Prober.looksLikeMpegAudio(source, 0, bytes.length, 1 << 16)).isTrue();
        } catch (MediaException e) {
            assertThat(e.error()).isIn(MediaError.UNRECOGNIZED, MediaError.NO_AUDIO);
        }
        try {
            Mp3FrameIndex index = Mp3FrameIndex.build(source, 0, bytes.length);
            assertConsistent(index, bytes.length);
            ByteArrayOutputStream cached = new ByteArrayOutputStream();
            index.writeTo(new DataOutputStream(cached));
            assertThat(Mp3FrameIndex.readFrom(new java.io.DataInputStream(
                    new java.io.ByteArrayInputStream(cached.toByteArray())))).isEqualTo(index);
        } catch (MediaException e) {
            assertThat(e.error()).isIn(MediaError.UNRECOGNIZED, MediaError.NO_AUDIO);
        }
    }

    static void assertConsistent(Mp3Stream stream, long fileBytes) {
        assertThat(stream.frameCount()).isPositive();
        assertThat(stream.firstFrameOffset()).isBetween(0L, fileBytes - 1);
        assertThat(stream.audioEndByte()).isGreaterThan(stream.firstFrameOffset()).isLessThanOrEqualTo(fileBytes);
        assertThat(stream.durationUs()).isPositive();
        assertThat(stream.gaplessDurationUs()).isBetween(0L, stream.durationUs());
        assertThat(stream.bitrateBps()).isPositive();
        assertThat(stream.sampleRateHz()).isBetween(8000, 48000);
        assertSeekable(stream.seekIndex(), stream.firstFrameOffset(), stream.audioEndByte());
    }

    static void assertConsistent(Mp3FrameIndex index, long fileBytes) {
        long previousEnd = -1;
        for (int i = 0; i < index.frameCount(); i++) {
            long offset = index.frameOffset(i);
            assertThat(offset).isGreaterThanOrEqualTo(previousEnd);
            assertThat(index.frameContaining(offset)).isEqualTo(i);
            previousEnd = offset + index.frameSize(i);
            assertThat(index.frameAt(index.frameTime(i))).isEqualTo(i);
        }
        assertThat(previousEnd).isEqualTo(index.audioEndByte()).isLessThanOrEqualTo(fileBytes);
        assertSeekable(index, index.frameOffset(0), index.audioEndByte());
    }

    /**
     * Seeking stays inside the audio and clamps as {@link SeekIndex} says. An exact index maps a seek point's byte
     * back to its time; an estimate need not (a coarse table can give several frames one offset), but it must
     * never run backwards.
     */
    private static void assertSeekable(SeekIndex seek, long first, long end) {
        long duration = seek.durationUs();
        long previousOffset = first;
        long previousTime = 0;
        for (long t : new long[] {Long.MIN_VALUE, -1, 0, duration / 3, duration - 1, duration, Long.MAX_VALUE}) {
            SeekPoint point = seek.seek(t);
            assertThat(point.byteOffset()).isBetween(previousOffset, end - 1);
            assertThat(point.timeUs()).isBetween(previousTime, Math.max(0, duration - 1));
            if (seek.exact()) {
                assertThat(seek.timeAt(point.byteOffset())).isEqualTo(point.timeUs());
            }
            previousOffset = point.byteOffset();
            previousTime = point.timeUs();
        }
        long previous = 0;
        for (long offset : new long[] {Long.MIN_VALUE, 0, first, (first + end) / 2, end, Long.MAX_VALUE}) {
            assertThat(seek.timeAt(offset)).isBetween(previous, Math.max(0, duration - 1));
            previous = seek.timeAt(offset);
        }
    }
}
