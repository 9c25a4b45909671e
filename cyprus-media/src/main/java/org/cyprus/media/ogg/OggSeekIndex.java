package org.cyprus.media.ogg;

import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;

/**
 * Seeking in an Ogg stream by linear interpolation between the first audio page (granule 0) and the end of the
 * last page (the final granule position). Approximate: a player lands near the time and finds the next page by
 * its capture pattern; exact positions need a bisection search over page granules.
 */
final class OggSeekIndex implements SeekIndex {
    private final long audioStart;
    private final long audioEnd;
    private final long durationUs;

    OggSeekIndex(long audioStart, long audioEnd, long durationUs) {
        this.audioStart = audioStart;
        this.audioEnd = Math.max(audioStart, audioEnd);
        this.durationUs = Math.max(0, durationUs);
    }

    @Override
    public long durationUs() {
        return durationUs;
    }

    @Override
    public SeekPoint seek(long timeUs) {
        if (durationUs == 0) {
            return new SeekPoint(audioStart, 0);
        }
        long t = Math.clamp(timeUs, 0, durationUs);
        long offset = audioStart + (long) ((double) (audioEnd - audioStart) * t / durationUs);
        return new SeekPoint(Math.min(offset, Math.max(audioStart, audioEnd - 1)), t);
    }

    @Override
    public long timeAt(long byteOffset) {
        if (audioEnd == audioStart) {
            return 0;
        }
        long relative = Math.clamp(byteOffset - audioStart, 0, audioEnd - audioStart);
        return (long) ((double) durationUs * relative / (audioEnd - audioStart));
    }

    @Override
    public boolean exact() {
        return false;
    }
}
