package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekPoint;
import org.junit.jupiter.api.Test;

class SampleTableTest {

    /** Two chunks: 3 samples at 1000, 2 at 5000; four of 1024 units, the last of 512, at 8000 units per second. */
    private static SampleTable twoChunks() throws MediaException {
        SampleTableBuilder b = new SampleTableBuilder(8000);
        b.startChunk(1000);
        b.addSamples(1, 10);
        b.addSamples(1, 20);
        b.addSamples(1, 30);
        b.startChunk(5000);
        b.addSamples(1, 40);
        b.addSamples(1, 50);
        b.addDurations(4, 1024);
        b.addDurations(1, 512);
        return b.build();
    }

    @Test
    void laysSamplesOutChunkByChunk() throws MediaException {
        SampleTable t = twoChunks();
        assertThat(t.frameCount()).isEqualTo(5);
        assertThat(t.chunkCount()).isEqualTo(2);
        assertThat(offsets(t)).containsExactly(1000, 1010, 1030, 5000, 5040);
        assertThat(t.frameSize(4)).isEqualTo(50);
        assertThat(t.frameTime(4)).isEqualTo(4096);
        assertThat(t.frameDuration(4)).isEqualTo(512);
        assertThat(t.totalDuration()).isEqualTo(4608);
        assertThat(t.totalBytes()).isEqualTo(150);
        assertThat(t.durationUs()).isEqualTo(576_000);
    }

    @Test
    void findsTheSampleContainingATime() throws MediaException {
        SampleTable t = twoChunks();
        assertThat(t.frameAt(-5)).isZero();
        assertThat(t.frameAt(0)).isZero();
        assertThat(t.frameAt(1023)).isZero();
        assertThat(t.frameAt(1024)).isEqualTo(1);
        assertThat(t.frameAt(4095)).isEqualTo(3);
        assertThat(t.frameAt(4096)).isEqualTo(4);
        assertThat(t.frameAt(4607)).isEqualTo(4);
        assertThat(t.frameAt(4608)).isEqualTo(4);
        assertThat(t.frameAt(Long.MAX_VALUE)).isEqualTo(4);
        assertThat(t.seek(128_000)).isEqualTo(new SeekPoint(1010, 128_000));
        assertThat(t.seek(127_999)).isEqualTo(new SeekPoint(1000, 0));
        assertThat(t.seek(Long.MAX_VALUE)).isEqualTo(new SeekPoint(5040, 512_000));
        assertThat(t.seek(Long.MIN_VALUE)).isEqualTo(new SeekPoint(1000, 0));
    }

    @Test
    void findsTheSampleContainingAByte() throws MediaException {
        SampleTable t = twoChunks();
        assertThat(t.timeAt(0)).isZero();
        assertThat(t.timeAt(1009)).isZero();
        assertThat(t.timeAt(1010)).isEqualTo(128_000);
        assertThat(t.timeAt(1059)).isEqualTo(256_000);
        assertThat(t.timeAt(3000)).as("between chunks").isEqualTo(256_000);
        assertThat(t.timeAt(5039)).isEqualTo(384_000);
        assertThat(t.timeAt(99_999)).isEqualTo(512_000);
    }

    @Test
    void zeroDurationSamplesContainNoTime() throws MediaException {
        SampleTableBuilder b = new SampleTableBuilder(1000);
        b.startChunk(0);
        b.addSamples(5, 7);
        b.addDurations(2, 10);
        b.addDurations(1, 0);
        b.addDurations(2, 10);
        SampleTable t = b.build();
        assertThat(t.frameTime(2)).isEqualTo(20);
        assertThat(t.frameTime(3)).isEqualTo(20);
        assertThat(t.frameAt(19)).isEqualTo(1);
        assertThat(t.frameAt(20)).isEqualTo(3);
        assertThat(t.frameAt(39)).isEqualTo(4);
        assertThat(t.toString()).contains("uniform size 7");
    }

    @Test
    void keepsOnlySamplesThatHaveBothASizeAndATime() throws MediaException {
        SampleTableBuilder b = new SampleTableBuilder(1000);
        b.startChunk(100);
        b.addSamples(10, 3);
        b.addDurations(4, 10);
        assertThat(b.build().frameCount()).isEqualTo(4);
        b.addDurations(100, 20);
        SampleTable t = b.build();
        assertThat(t.frameCount()).isEqualTo(10);
        assertThat(t.totalDuration()).isEqualTo(4 * 10 + 6 * 20);
    }

    @Test
    void storesLargeSamplesInFull() throws MediaException {
        SampleTableBuilder b = new SampleTableBuilder(44100);
        b.startChunk(0);
        b.addSamples(1, 70_000);
        b.addSamples(1, 5);
        b.addSamples(1, 100_000);
        b.addDurations(3, 4096);
        SampleTable t = b.build();
        assertThat(offsets(t)).containsExactly(0, 70_000, 70_005);
        assertThat(t.frameSize(2)).isEqualTo(100_000);
    }

    @Test
    void timesNeverOverflow() throws MediaException {
        SampleTableBuilder b = new SampleTableBuilder(1);
        b.startChunk(0);
        b.addSamples(2, 1);
        b.addDurations(2, Long.MAX_VALUE / 4);
        SampleTable t = b.build();
        assertThat(t.durationUs()).isEqualTo(Long.MAX_VALUE);
        assertThat(t.toTimescale(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 1_000_000L);
        // Long.MAX_VALUE µs is 9.2e12 s: still inside the first sample, which lasts 2.3e18 s.
        assertThat(t.seek(Long.MAX_VALUE)).isEqualTo(new SeekPoint(0, 0));
        assertThat(t.frameAt(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(t.timeAt(1)).isEqualTo(Long.MAX_VALUE);
    }

    /** A naive model (one entry per sample) and the table agree on every accessor, for random layouts. */
    @Test
    void agreesWithANaiveModel() throws MediaException {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(500);
            long[] offset = new long[n];
            int[] size = new int[n];
            long[] time = new long[n];
            long[] duration = new long[n];
            SampleTableBuilder b = new SampleTableBuilder(1 + random.nextInt(96000));
            long at = random.nextInt(1000);
            long clock = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || random.nextInt(8) == 0) {
                    at += random.nextInt(3) * 1000L;
                    b.startChunk(at);
                }
                size[i] = round % 3 == 0 ? 300 : random.nextInt(round % 3 == 1 ? 2000 : 200_000);
                duration[i] = random.nextInt(10) == 0 ? random.nextInt(3) : 1024;
                offset[i] = at;
                time[i] = clock;
                at += size[i];
                clock += duration[i];
                b.addSamples(1, size[i]);
                b.addDurations(1, duration[i]);
            }
            SampleTable t = b.build();
            assertThat(t.frameCount()).isEqualTo(n);
            assertThat(t.totalDuration()).isEqualTo(clock);
            for (int i = 0; i < n; i++) {
                assertThat(new long[] {t.frameOffset(i), t.frameSize(i), t.frameTime(i), t.frameDuration(i)})
                        .as("round %d sample %d", round, i).containsExactly(offset[i], size[i], time[i], duration[i]);
            }
            for (int probe = 0; probe < 200; probe++) {
                long when = random.nextLong(clock + 10) - 5;
                int expected = 0;
                for (int i = 0; i < n; i++) {
                    if (time[i] <= when && duration[i] > 0) {
                        expected = i;
                    }
                }
                if (when >= clock) {
                    expected = n - 1;
                }
                assertThat(t.frameAt(when)).as("round %d time %d", round, when).isEqualTo(expected);
            }
        }
    }

    /** A 20-hour book at 44.1 kHz: about 3.1 million samples, looked up in well under a microsecond each. */
    @Test
    void lookupsInALongBookTakeWellUnderAMicrosecond() throws MediaException {
        int n = (int) (20L * 3600 * 44100 / 1024);
        Random random = new Random(7);
        SampleTableBuilder b = new SampleTableBuilder(44100);
        b.startChunk(40_000);
        for (int i = 0; i < n; i++) {
            b.addSamples(1, 150 + random.nextInt(300));
        }
        b.addDurations(n - 1, 1024);
        b.addDurations(1, 300);
        SampleTable t = b.build();
        assertThat(t.frameCount()).isEqualTo(n);
        long sink = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                int index = random.nextInt(n);
                sink += t.frameOffset(index) + t.frameTime(index) + t.frameAt(random.nextLong(t.totalDuration()));
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(sink).isNotZero();
        assertThat(best / 1_000_000.0).as("ns for one frameOffset + frameTime + frameAt").isLessThan(1000);
    }

    private static long[] offsets(SampleTable t) {
        long[] out = new long[t.frameCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.frameOffset(i);
        }
        return out;
    }
}
