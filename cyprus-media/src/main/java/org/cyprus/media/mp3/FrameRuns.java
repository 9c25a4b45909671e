package org.cyprus.media.mp3;

import java.util.Arrays;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Runs of consecutive frames that share a sampling frequency and frame duration, so that frame times follow from
 * frame numbers. One run for an ordinary file; more when files with different rates were concatenated. Times are
 * in {@link #timescale()} units: the sample rate when there is one, else the least common multiple of the rates
 * present (at most 14 112 000, the LCM of all MPEG rates), in which every frame lasts a whole number of units.
 */
final class FrameRuns {
    private static final int[] VALID_RATES_HZ = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};

    private final int frameCount;
    private final int[] firstFrames;
    private final int[] sampleRatesHz;
    private final int[] samplesPerFrame;
    private final long timescale;
    private final long[] startTimes;
    private final long[] frameDurations;

    private FrameRuns(int frameCount, int[] firstFrames, int[] sampleRatesHz, int[] samplesPerFrame) {
        this.frameCount = frameCount;
        this.firstFrames = firstFrames;
        this.sampleRatesHz = sampleRatesHz;
        this.samplesPerFrame = samplesPerFrame;
        long lcm = sampleRatesHz[0];
        for (int rate : sampleRatesHz) {
            lcm = lcm / gcd(lcm, rate) * rate;
        }
        this.timescale = lcm;
        this.startTimes = new long[firstFrames.length];
        this.frameDurations = new long[firstFrames.length];
        long time = 0;
        for (int run = 0; run < firstFrames.length; run++) {
            frameDurations[run] = samplesPerFrame[run] * (lcm / sampleRatesHz[run]);
            startTimes[run] = time;
            int runFrames = (run + 1 < firstFrames.length ? firstFrames[run + 1] : frameCount) - firstFrames[run];
            time += runFrames * frameDurations[run];
        }
    }

    /**
     * Runs starting at {@code firstFrames} (ascending, the first 0) covering {@code frameCount} frames; rejects
     * anything a builder could not have produced, since the arrays may come from a damaged cache.
     */
    static FrameRuns of(int frameCount, int[] firstFrames, int[] sampleRatesHz, int[] samplesPerFrame)
            throws MediaException {
        int runs = firstFrames.length;
        if (frameCount < 1 || runs < 1 || sampleRatesHz.length != runs || samplesPerFrame.length != runs
                || firstFrames[0] != 0) {
            throw new MediaException(MediaError.CORRUPT, "frame runs do not cover the " + frameCount + " frames");
        }
        for (int run = 0; run < runs; run++) {
            if (run > 0 && (firstFrames[run] <= firstFrames[run - 1] || firstFrames[run] >= frameCount)) {
                throw new MediaException(MediaError.CORRUPT, "frame run " + run + " starts at frame " + firstFrames[run]);
            }
            if (Arrays.binarySearch(VALID_RATES_HZ, sampleRatesHz[run]) < 0) {
                throw new MediaException(MediaError.CORRUPT, "frame run " + run + " has sample rate " + sampleRatesHz[run]);
            }
            int spf = samplesPerFrame[run];
            if (spf != 384 && spf != 576 && spf != 1152) {
                throw new MediaException(MediaError.CORRUPT, "frame run " + run + " has " + spf + " samples per frame");
            }
        }
        return new FrameRuns(frameCount, firstFrames.clone(), sampleRatesHz.clone(), samplesPerFrame.clone());
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    long timescale() {
        return timescale;
    }

    int count() {
        return firstFrames.length;
    }

    int firstFrame(int run) {
        return firstFrames[run];
    }

    int sampleRateHz(int run) {
        return sampleRatesHz[run];
    }

    int samplesPerFrame(int run) {
        return samplesPerFrame[run];
    }

    /** The run holding {@code frame}. */
    int runOf(int frame) {
        if (firstFrames.length == 1) {
            return 0;
        }
        int found = Arrays.binarySearch(firstFrames, frame);
        return found >= 0 ? found : -found - 2;
    }

    long frameTime(int frame) {
        int run = runOf(frame);
        return startTimes[run] + (frame - firstFrames[run]) * frameDurations[run];
    }

    long frameDuration(int frame) {
        return frameDurations[runOf(frame)];
    }

    /** The frame playing at {@code time}, clamped into {@code [0, frameCount)}. */
    int frameAt(long time) {
        if (time <= 0) {
            return 0;
        }
        int run = 0;
        if (startTimes.length > 1) {
            int found = Arrays.binarySearch(startTimes, time);
            run = found >= 0 ? found : -found - 2;
        }
        int runEnd = run + 1 < firstFrames.length ? firstFrames[run + 1] : frameCount;
        long frame = firstFrames[run] + (time - startTimes[run]) / frameDurations[run];
        return (int) Math.min(frame, runEnd - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameRuns r && r.frameCount == frameCount && Arrays.equals(r.firstFrames, firstFrames)
                && Arrays.equals(r.sampleRatesHz, sampleRatesHz) && Arrays.equals(r.samplesPerFrame, samplesPerFrame);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(firstFrames) * 31 + frameCount;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int run = 0; run < firstFrames.length; run++) {
            out.append(run == 0 ? "" : "; ").append("from frame ").append(firstFrames[run]).append(": ")
                    .append(sampleRatesHz[run]).append(" Hz, ").append(samplesPerFrame[run]).append(" samples/frame");
        }
        return out.toString();
    }
}
