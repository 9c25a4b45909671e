package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekPoint;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mp3FrameIndexTest {

    static Mp3FrameIndex index(String fixture) throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp3/" + fixture);
        return Mp3FrameIndex.build(new ArrayByteSource(bytes), 0, bytes.length);
    }

    static byte[] serialize(Mp3FrameIndex index) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        index.writeTo(new DataOutputStream(out));
        return out.toByteArray();
    }

    static Mp3FrameIndex deserialize(byte[] bytes) throws IOException, MediaException {
        return Mp3FrameIndex.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vbr-22k-xing-lame-v9.mp3", "garbage-in-middle-resync.mp3", "samplerate-change-concatenated.mp3",
            "junk-and-fake-sync-before-first-frame.mp3", "truncated-mid-frame.mp3"})
    void cacheRoundTripIsExact(String fixture) throws IOException, MediaException {
        Mp3FrameIndex index = index(fixture);
        byte[] cached = serialize(index);
        Mp3FrameIndex read = deserialize(cached);
        assertThat(read).isEqualTo(index);
        assertThat(read.warnings()).isEqualTo(index.warnings());
        assertThat(FfprobeCrossCheckTest.frames(read)).isEqualTo(FfprobeCrossCheckTest.frames(index));
        for (int i = 0; i < index.frameCount(); i++) {
            assertThat(read.frameTime(i)).isEqualTo(index.frameTime(i));
        }
        assertThat(serialize(read)).isEqualTo(cached);
        assertThat(cached.length).isLessThan(64 + 2 * index.frameCount() + 40 * index.warnings().size() + 200);
    }

    @Test
    void everyDamagedOrCutCacheIsRejected() throws IOException, MediaException {
        byte[] cached = serialize(index("garbage-in-middle-resync.mp3"));
        for (int at = 0; at < cached.length; at++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = cached.clone();
                damaged[at] ^= (byte) mask;
                assertRejected(damaged, at == 8 ? MediaError.UNSUPPORTED : MediaError.CORRUPT);
            }
        }
        for (int length = 0; length < cached.length; length++) {
            assertRejected(java.util.Arrays.copyOf(cached, length), MediaError.CORRUPT);
        }
    }

    @Test
    void checksummedButImpossibleContentIsRejected() throws IOException {
        // Each payload has a valid CRC, so only the checks on its values can reject it.
        assertRejected(withChecksum(payload(100, 0, new int[][] {{0, 44100, 1152}}, new long[0][], 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(-5, 3, new int[][] {{0, 44100, 1152}}, new long[0][], 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 1 << 30, new int[][] {{0, 44100, 1152}}, new long[0][], 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44000, 1152}}, new long[0][], 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1000}}, new long[0][], 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{1, 44100, 1152}}, new long[0][], 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1152}, {0, 22050, 576}}, new long[0][], 104)),
                MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1152}, {2, 44100, 1152}}, new long[0][], 104)),
                MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1152}}, new long[][] {{0, 5}}, 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1152}}, new long[][] {{2, 0}}, 104)), MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1152}}, new long[][] {{2, 5}, {1, 5}}, 104)),
                MediaError.CORRUPT);
        assertRejected(withChecksum(payload(Long.MAX_VALUE - 100, 3, new int[][] {{0, 44100, 1152}}, new long[0][], 104)),
                MediaError.CORRUPT);
        assertRejected(withChecksum(payload(0, 3, new int[][] {{0, 44100, 1152}}, new long[0][], 0)), MediaError.CORRUPT);
        assertRejected(withChecksum(new byte[0]), MediaError.CORRUPT);
        // A sane payload in the same form is accepted: the form above is the real one.
        try {
            Mp3FrameIndex index = deserialize(withChecksum(payload(1000, 3, new int[][] {{0, 44100, 1152}}, new long[][] {{2, 7}}, 104)));
            assertThat(index.frameOffset(2)).isEqualTo(1000 + 104 + 104 + 7);
        } catch (MediaException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] payload(long firstOffset, int frames, int[][] runs, long[][] gaps, int frameBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(firstOffset);
        out.writeInt(frames);
        out.writeInt(runs.length);
        for (int[] run : runs) {
            out.writeInt(run[0]);
            out.writeInt(run[1]);
            out.writeInt(run[2]);
        }
        out.writeInt(gaps.length);
        for (long[] gap : gaps) {
            out.writeInt((int) gap[0]);
            out.writeLong(gap[1]);
        }
        for (int i = 0; i < Math.min(frames, 10) && frames > 0; i++) {
            out.writeShort(frameBytes);
        }
        out.writeInt(0);
        return bytes.toByteArray();
    }

    private static byte[] withChecksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(8 + 1 + 4 + payload.length + 4).put("CYMP3IDX".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put((byte) FrameIndexFile.VERSION).putInt(payload.length).put(payload).putInt((int) crc.getValue()).array();
    }

    private static void assertRejected(byte[] cached, MediaError error) {
        assertThatThrownBy(() -> deserialize(cached)).isInstanceOf(MediaException.class)
                .extracting(e -> ((MediaException) e).error()).isEqualTo(error);
    }

    @Test
    void hugeDeclaredPayloadDoesNotAllocateIt() {
        byte[] header = ByteBuffer.allocate(13).put("CYMP3IDX".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put((byte) 1).putInt(Integer.MAX_VALUE - 8).array();
        assertRejected(header, MediaError.CORRUPT);
        byte[] plausible = ByteBuffer.allocate(13 + 100).put(header, 0, 9).putInt(500_000_000).array();
        assertRejected(plausible, MediaError.CORRUPT);
    }

    @Test
    void exactSeekingFindsTheFrameContainingATime() throws IOException, MediaException {
        Mp3FrameIndex index = index("vbr-22k-no-xing-lame-t.mp3");
        assertThat(index.exact()).isTrue();
        assertThat(index.timescale()).isEqualTo(22050);
        long frameUs = 576 * 1_000_000L / 22050;
        assertThat(index.seek(0)).isEqualTo(new SeekPoint(index.frameOffset(0), 0));
        assertThat(index.seek(-5)).isEqualTo(index.seek(0));
        assertThat(index.seek(frameUs)).isEqualTo(new SeekPoint(index.frameOffset(0), 0));
        assertThat(index.seek(frameUs + 1).byteOffset()).isEqualTo(index.frameOffset(1));
        SeekPoint last = new SeekPoint(index.frameOffset(index.frameCount() - 1),
                index.toMicros(index.frameTime(index.frameCount() - 1)));
        assertThat(index.seek(index.durationUs())).isEqualTo(last);
        assertThat(index.seek(Long.MAX_VALUE)).isEqualTo(last);
        assertThat(index.durationUs()).isEqualTo(index.frameCount() * 576 * 1_000_000L / 22050);
        for (int i = 0; i < index.frameCount(); i++) {
            long offset = index.frameOffset(i);
            assertThat(index.timeAt(offset)).isEqualTo(index.toMicros(index.frameTime(i)));
            assertThat(index.timeAt(offset + index.frameSize(i) - 1)).isEqualTo(index.toMicros(index.frameTime(i)));
        }
        assertThat(index.timeAt(-1)).isZero();
        assertThat(index.timeAt(Long.MAX_VALUE)).isEqualTo(last.timeUs());
    }

    @Test
    void sampleRateRunsKeepTimesExact() throws IOException, MediaException {
        // 44.1 kHz MPEG-1 frames, then 48 kHz MPEG-1 frames, then 22.05 kHz MPEG-2 frames.
        byte[] bytes = new CraftedFrames().frames(0xFFFB10C4, 30).frames(0xFFFB14C4, 20).frames(0xFFF310C4, 25).toByteArray();
        Mp3FrameIndex index = Mp3FrameIndex.build(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(index.frameCount()).isEqualTo(75);
        assertThat(index.timescale()).isEqualTo(7_056_000);
        assertThat(index.runs().count()).isEqualTo(3);
        assertThat(index.frameDuration(0)).isEqualTo(1152L * 7_056_000 / 44100);
        assertThat(index.frameDuration(30)).isEqualTo(1152L * 7_056_000 / 48000);
        assertThat(index.frameDuration(50)).isEqualTo(576L * 7_056_000 / 22050);
        long endUs = (30 * 1152 * 1_000_000L * 480 + 20 * 1152 * 1_000_000L * 441 + 25 * 576 * 1_000_000L * 960) / 21_168_000;
        assertThat(index.durationUs()).isEqualTo(endUs);
        for (int i = 1; i < index.frameCount(); i++) {
            assertThat(index.frameTime(i)).isEqualTo(index.frameTime(i - 1) + index.frameDuration(i - 1));
            assertThat(index.frameAt(index.frameTime(i))).isEqualTo(i);
            assertThat(index.frameAt(index.frameTime(i) - 1)).isEqualTo(i - 1);
        }
        assertThat(index.warnings()).hasSize(2).allMatch(w -> w.startsWith("the stream changes to"));
        assertThat(deserialize(serialize(index))).isEqualTo(index);
    }

    @Test
    void twentyHourBookIsCompactAndQuickToIndexAndSeek() throws IOException, MediaException {
        // 2.8 million 104-byte frames (MPEG-1, 32 kbps, 44.1 kHz): 20 hours, 290 MB that exist only virtually.
        byte[] period = new CraftedFrames().frames(0xFFFB10C4, 1000).toByteArray();
        RepeatingSource source = new RepeatingSource(new byte[0], period, 2_800, new byte[0]);
        Mp3FrameIndex.build(new RepeatingSource(new byte[0], period, 300, new byte[0]), 0, 300 * period.length);
        long started = System.nanoTime();
        Mp3FrameIndex index = Mp3FrameIndex.build(source, 0, source.size());
        long buildNs = System.nanoTime() - started;
        assertThat(index.frameCount()).isEqualTo(2_800_000);
        assertThat(index.durationUs()).isEqualTo(2_800_000L * 1152 * 1_000_000 / 44100);
        assertThat(index.footprintBytes()).isLessThan(2_800_000L * 9 / 4);
        double gbPerSecond = source.size() / (buildNs / 1e9) / 1e9;
        System.out.printf("indexed %d MB in %d ms: %.2f GB/s%n", source.size() >> 20, buildNs / 1_000_000, gbPerSecond);
        // A shared CI core can be slow; the measured rate on an idle core is well over 1 GB/s.
        assertThat(gbPerSecond).isGreaterThan(0.25);

        Random random = new Random(7);
        int lookups = 1_000_000;
        long sum = 0;
        started = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            sum += index.frameOffset(random.nextInt(index.frameCount()));
            sum += index.seek(random.nextLong(index.durationUs())).byteOffset();
        }
        double nsPerLookup = (System.nanoTime() - started) / (2.0 * lookups);
        System.out.printf("frameOffset/seek: %.0f ns per call (%d)%n", nsPerLookup, sum);
        assertThat(nsPerLookup).isLessThan(1000);
        assertThat(index.frameOffset(2_799_999)).isEqualTo(2_799_999L * 104);
        // A frame's start in whole microseconds is rounded down, into the frame before; one microsecond later is inside it.
        assertThat(index.seek(index.toMicros(index.frameTime(1_400_000)) + 1).byteOffset()).isEqualTo(1_400_000L * 104);
        assertThat(index.seek(index.toMicros(index.frameTime(1_400_000))).byteOffset()).isEqualTo(1_399_999L * 104);
    }
}
