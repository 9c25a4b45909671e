package org.cyprus.media.flac;

import java.util.List;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;

/**
 * Seeking in a FLAC stream: to the nearest SEEKTABLE point at or before the time when the file has a seek table
 * (a real frame start, but not necessarily the frame holding the time), else by linear interpolation over the
 * audio bytes. Never exact: only decoding forward from the answer finds the frame that holds a time.
 */
final class FlacSeekIndex implements SeekIndex {
    private final long audioStart;
    private final long audioEnd;
    private final int sampleRateHz;
    private final long totalSamples;
    private final List<SeekTablePoint> points;

    /** @param points seek points, ascending; those past the audio are dropped */
    FlacSeekIndex(long audioStart, long audioEnd, int sampleRateHz, long totalSamples, List<SeekTablePoint> points) {
        this.audioStart = audioStart;
        this.audioEnd = audioEnd;
        this.sampleRateHz = sampleRateHz;
        this.totalSamples = totalSamples;
        this.points = points.stream()
                .filter(p -> p.sampleNumber() < Math.max(totalSamples, 1) && p.streamOffset() < audioEnd - audioStart)
                .toList();
    }

    @Override
    public long durationUs() {
        return totalSamples * 1_000_000L / sampleRateHz;
    }

    @Override
    public SeekPoint seek(long timeUs) {
        long sample = Math.clamp(toSamples(timeUs), 0, Math.max(0, totalSamples - 1));
        if (!points.isEmpty()) {
            int at = lastAtOrBefore(sample, true);
            return at < 0 ? new SeekPoint(audioStart, 0)
                    : new SeekPoint(audioStart + points.get(at).streamOffset(), toMicros(points.get(at).sampleNumber()));
        }
        if (totalSamples == 0) {
            return new SeekPoint(audioStart, 0);
        }
        long offset = audioStart + (long) ((double) (audioEnd - audioStart) * sample / totalSamples);
        return new SeekPoint(offset, toMicros(sample));
    }

    @Override
    public long timeAt(long byteOffset) {
        long relative = Math.clamp(byteOffset - audioStart, 0, Math.max(0, audioEnd - audioStart));
        if (!points.isEmpty()) {
            int at = lastAtOrBefore(relative, false);
            return at < 0 ? 0 : toMicros(points.get(at).sampleNumber());
        }
        if (audioEnd <= audioStart) {
            return 0;
        }
        return toMicros((long) ((double) totalSamples * relative / (audioEnd - audioStart)));
    }

    @Override
    public boolean exact() {
        return false;
    }

    /** Index of the last point whose sample number (or stream offset) is at most {@code key}, or -1. */
    private int lastAtOrBefore(long key, boolean bySample) {
        int lo = 0;
        int hi = points.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SeekTablePoint p = points.get(mid);
            if ((bySample ? p.sampleNumber() : p.streamOffset()) <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private long toSamples(long timeUs) {
        return (long) ((double) Math.max(0, timeUs) * sampleRateHz / 1_000_000.0);
    }

    private long toMicros(long sample) {
        return sample * 1_000_000L / sampleRateHz;
    }
}
