package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache form of an audio stream: what is written reads back equal, and damaged or hostile bytes give a
 * {@link MediaException} or an {@link IOException} — never another exception, never a large allocation.
 */
class AudioStreamFileTest {
    /** Header bytes before the payload: magic, version, payload length. */
    private static final int HEADER_BYTES = 8 + 1 + 4;
    private static final long ALLOCATION_BUDGET_BYTES = 8L << 20;

    static List<String> fixtures() {
        return MuxFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureReadsBackEqual(String name) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(name))) {
            AudioStream stream = MediaProbe.audioStream(source);
            byte[] bytes = write(stream);
            assertThat(bytes.length).isLessThan(200 + 2 * stream.frames().frameCount() + 12 * spans(stream));
            AudioStream back = read(bytes);
            assertThat(back).isEqualTo(stream);
            PackedFrameTableTest.assertSameFrames(back.frames(), stream.frames(), 0);
        }
    }

    @Test
    void wideSizesSpansRunsAndAStartTimeReadBackEqual() throws IOException, MediaException {
        PackedFrameTableBuilder builder = new PackedFrameTableBuilder(48000, 777);
        for (int i = 0; i < 500; i++) {
            builder.add(1000L + i * 100_000L + (i % 3 == 0 ? 5 : 0), i == 42 ? 90_000 : 300 + i, i < 400 ? 1024 : 960);
        }
        AudioStream stream = new AudioStream(new TrackFormat(Codec.AAC, 48000, 2, 48000, new byte[] {0x11, (byte) 0x90}),
                builder.build());
        assertThat(read(write(stream))).isEqualTo(stream);
    }

    @Test
    void everyTruncationIsCorrupt() throws IOException, MediaException {
        byte[] bytes = write(smallStream());
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> read(cut)).as("cut to %d bytes", length)
                    .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
        }
    }

    @Test
    void flippedBitsFailCleanly() throws IOException, MediaException {
        byte[] bytes = write(smallStream());
        Random random = new Random(20240611);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = bytes.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            }
            assertFailsCleanlyOrReadsBack(damaged);
        }
    }

    @Test
    void hostileValuesBehindAValidChecksumFailCleanly() throws IOException, MediaException {
        byte[] bytes = write(smallStream());
        Random random = new Random(7);
        for (int trial = 0; trial < 5000; trial++) {
            byte[] damaged = bytes.clone();
            int at = HEADER_BYTES + random.nextInt(damaged.length - HEADER_BYTES - 4);
            switch (random.nextInt(3)) {
                case 0 -> damaged[at] = (byte) random.nextInt();
                case 1 -> putInt(damaged, Math.min(at, damaged.length - 8), random.nextBoolean() ? Integer.MAX_VALUE
                        : random.nextInt());
                default -> putInt(damaged, Math.min(at, damaged.length - 8), -1);
            }
            assertFailsCleanlyOrReadsBack(resign(damaged));
        }
    }

    @Test
    void hugeCountsAndLengthsAllocateNothingLarge() throws IOException, MediaException {
        byte[] bytes = write(smallStream());
        int countAt = HEADER_BYTES + 1 + 4 + 4 + 8 + 2; // codec, rate, channels, timescale, empty config
        byte[] frames = bytes.clone();
        putInt(frames, countAt, (1 << 26));
        assertAllocatesLittle(resign(frames));
        byte[] runs = bytes.clone();
        putInt(runs, countAt + 4 + 8, Integer.MAX_VALUE);
        assertAllocatesLittle(resign(runs));
        byte[] length = bytes.clone();
        putInt(length, 9, 300 << 20); // a 300 MB payload, of which a few hundred bytes exist
        assertAllocatesLittle(length);
        byte[] tooLong = bytes.clone();
        putInt(tooLong, 9, -1);
        assertAllocatesLittle(tooLong);
    }

    @Test
    void anotherVersionIsUnsupportedSoTheCallerRebuilds() throws IOException, MediaException {
        byte[] bytes = write(smallStream());
        bytes[8] = 2;
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.UNSUPPORTED));
    }

    private static AudioStream smallStream() throws MediaException {
        PackedFrameTableBuilder builder = new PackedFrameTableBuilder(44100, 0);
        for (int i = 0; i < 40; i++) {
            builder.add(i < 20 ? 100 + 417L * i : 50_000 + 418L * i, i < 20 ? 417 : 418, 1152);
        }
        return new AudioStream(new TrackFormat(Codec.MP3, 44100, 2, 44100, new byte[0]), builder.build());
    }

    private static void assertFailsCleanlyOrReadsBack(byte[] damaged) {
        try {
            AudioStream back = read(damaged);
            assertThat(back.frames().frameCount()).isPositive();
        } catch (MediaException | IOException e) {
            // the contract: a typed failure
        }
    }

    private static void assertAllocatesLittle(byte[] hostile) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        assertThatThrownBy(() -> read(hostile)).isInstanceOf(MediaException.class);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated reading a hostile entry").isLessThan(ALLOCATION_BUDGET_BYTES);
    }

    /** Recomputes the CRC over the payload, as an attacker who can write the cache file would. */
    private static byte[] resign(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES - 4);
        putInt(bytes, bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    private static void putInt(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).putInt(at, value);
    }

    private static int spans(AudioStream stream) {
        return ((PackedFrameTable) stream.frames()).spanCount();
    }

    static byte[] write(AudioStream stream) throws IOException, MediaException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AudioStreamFile.write(stream, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    static AudioStream read(byte[] bytes) throws IOException, MediaException {
        return AudioStreamFile.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
