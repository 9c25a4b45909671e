package org.cyprus.media.flac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;

/**
 * Feeds a prober damaged copies of a fixture (every truncation, random byte flips) and checks that it only
 * ever returns a sane result or throws {@link MediaException} or {@link IOException}; shared by the FLAC, Ogg,
 * WAV, ADTS and WavPack tests.
 */
public final class HostileInput {
    /** A prober under test. */
    @FunctionalInterface
    public interface Prober {
        MediaInfo probe(ByteSource source) throws IOException, MediaException;
    }

    /** What the damaged inputs gave, so tests can also assert that some of them still parse. */
    public record Outcome(int results, int mediaExceptions) {
    }

    private HostileInput() {
    }

    /** Probes every prefix of {@code bytes}, from empty to one byte short. */
    public static Outcome everyTruncation(byte[] bytes, Prober prober) {
        int results = 0;
        int failures = 0;
        for (int length = 0; length < bytes.length; length++) {
            if (probeSafely(Arrays.copyOf(bytes, length), prober, "truncated to " + length)) {
                results++;
            } else {
                failures++;
            }
        }
        return new Outcome(results, failures);
    }

    /** Probes {@code rounds} copies of {@code bytes}, each with one to eight random bytes replaced. */
    public static Outcome randomFlips(byte[] bytes, long seed, int rounds, Prober prober) {
        Random random = new Random(seed);
        int results = 0;
        int failures = 0;
        for (int round = 0; round < rounds; round++) {
            byte[] copy = bytes.clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            if (probeSafely(copy, prober, "round " + round + " of seed " + seed)) {
                results++;
            } else {
                failures++;
            }
        }
        return new Outcome(results, failures);
    }

    /** True for a result, false for a {@link MediaException}; anything else fails the test. */
    public static boolean probeSafely(byte[] bytes, Prober prober, String what) {
        try {
            MediaInfo info = prober.probe(new ArrayByteSource(bytes));
            assertSane(info, bytes.length, what);
            return true;
        } catch (MediaException e) {
            assertThat(e.error()).isNotNull();
            return false;
        } catch (IOException e) {
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("input " + what + " threw " + e, e);
        }
    }

    private static void assertSane(MediaInfo info, long size, String what) {
        if (info.durationUs() < 0 || info.gaplessDurationUs() < 0 || info.audioStartByte() < 0
                || info.audioEndByte() < info.audioStartByte() || info.audioEndByte() > size
                || info.sampleRateHz() < 0 || info.channels() < 0 || info.bitrateBps() < 0) {
            fail("input " + what + " gave an impossible result: " + info);
        }
        long d = info.seekIndex().durationUs();
        for (long t : new long[] {0, d / 2, d, Long.MAX_VALUE / 4}) {
            info.seekIndex().seek(t);
        }
        info.seekIndex().timeAt(info.audioStartByte());
        info.seekIndex().timeAt(size);
        info.seekIndex().timeAt(Long.MAX_VALUE / 4);
    }
}
