package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The approximate seekers against the exact frame index of the same stream. */
class SeekersTest {

    @Test
    void cbrSeekerLandsWithinASlotOfTheRealFrame() throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp3/cbr-44k-32k-no-info-lame-t.mp3");
        Mp3FrameIndex exact = Mp3FrameIndex.build(new ArrayByteSource(bytes), 0, bytes.length);
        SeekIndex cbr = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length).seekIndex();
        assertThat(cbr).isInstanceOf(CbrSeeker.class);
        assertThat(cbr.exact()).isFalse();
        assertThat(cbr.durationUs()).isEqualTo(exact.durationUs());
        for (int frame = 0; frame < exact.frameCount(); frame++) {
            long startUs = exact.toMicros(exact.frameTime(frame)) + 1;
            SeekPoint estimate = cbr.seek(startUs);
            assertThat(estimate.timeUs()).isEqualTo(exact.seek(startUs).timeUs());
            assertThat(estimate.byteOffset()).isCloseTo(exact.frameOffset(frame), org.assertj.core.data.Offset.offset(1L));
            assertThat(cbr.timeAt(estimate.byteOffset())).isEqualTo(estimate.timeUs());
        }
        assertMonotone(cbr, 0, bytes.length);
    }

    @Test
    void xingSeekerFollowsTheTableOfContents() throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp3/vbr-22k-xing-lame-v9.mp3");
        Mp3FrameIndex exact = Mp3FrameIndex.build(new ArrayByteSource(bytes), 0, bytes.length);
        SeekIndex xing = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length).seekIndex();
        assertThat(xing).isInstanceOf(XingSeeker.class);
        // The table has 1% steps in time and 1/256 steps in bytes: an estimate is off by at most a step plus a frame.
        long tolerance = bytes.length / 100 + bytes.length / 256 + 418;
        for (int frame = 0; frame < exact.frameCount(); frame++) {
            long startUs = exact.toMicros(exact.frameTime(frame)) + 1;
            SeekPoint estimate = xing.seek(startUs);
            assertThat(estimate.timeUs()).isEqualTo(exact.seek(startUs).timeUs());
            assertThat(estimate.byteOffset()).isCloseTo(exact.frameOffset(frame), org.assertj.core.data.Offset.offset(tolerance));
        }
        assertMonotone(xing, 0, bytes.length);
    }

    @Test
    void xingSeekerWithAnEvenTableIsProportional() {
        List<Integer> toc = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            toc.add(i * 256 / 100);
        }
        XingHeader header = new XingHeader(0, 400, false, 36, OptionalLong.of(1000), OptionalLong.of(400_400), toc,
                OptionalInt.empty(), Optional.empty());
        XingSeeker seeker = XingSeeker.of(header, 400_400, new FrameClock(1000, 1152, 44100), 400, 400_400);
        long frameUs = 1152 * 1_000_000L / 44100;
        SeekPoint middle = seeker.seek(500 * 1152 * 1_000_000L / 44100 + 1);
        assertThat(middle.timeUs()).isEqualTo(500 * 1152 * 1_000_000L / 44100);
        assertThat(middle.byteOffset()).isCloseTo(200_200L, org.assertj.core.data.Offset.offset(1000L));
        assertThat(seeker.seek(0).byteOffset()).isEqualTo(400);
        assertThat(seeker.seek(Long.MAX_VALUE).timeUs()).isEqualTo(999 * 1152 * 1_000_000L / 44100);
        assertThat(seeker.timeAt(0)).isZero();
        assertThat(seeker.timeAt(400_399)).isGreaterThan(998 * frameUs);
        assertMonotone(seeker, 0, 400_400);
    }

    @Test
    void decreasingTableIsNotUsed() throws IOException, MediaException {
        byte[] frame = HostileInputTest.xingFrame(0xFFFB50C4, 0x0F, 20, 208 + 20 * 104);
        frame[4 + 17 + 16 + 50] = 0;
        byte[] bytes = new CraftedFrames().bytes(frame).frames(0xFFFB10C4, 20).toByteArray();
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.seekIndex()).isNotInstanceOf(XingSeeker.class);
        assertThat(stream.warnings()).anyMatch(w -> w.contains("decreases at entry 50"));
    }

    /** Seeking later never lands earlier; later bytes never map to earlier times. */
    static void assertMonotone(SeekIndex seek, long firstByte, long endByte) {
        SeekPoint previous = seek.seek(0);
        for (long t = 0; t <= seek.durationUs() + 100_000; t += 7_919) {
            SeekPoint point = seek.seek(t);
            assertThat(point.byteOffset()).isGreaterThanOrEqualTo(previous.byteOffset());
            assertThat(point.timeUs()).isGreaterThanOrEqualTo(previous.timeUs()).isLessThanOrEqualTo(Math.max(t, 0));
            previous = point;
        }
        long previousTime = 0;
        for (long b = firstByte; b <= endByte; b += 37) {
            long time = seek.timeAt(b);
            assertThat(time).isGreaterThanOrEqualTo(previousTime).isLessThan(seek.durationUs());
            previousTime = time;
        }
    }
}
