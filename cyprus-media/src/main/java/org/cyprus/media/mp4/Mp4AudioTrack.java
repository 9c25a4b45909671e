package org.cyprus.media.mp4;

import java.util.Objects;
import org.cyprus.media.Codec;

/**
 * The audio track an MP4 file plays, with everything needed to seek exactly and to cut segments: its full sample
 * table and, for AAC, the AudioSpecificConfig that ADTS headers and fMP4 initialisation segments are built from.
 *
 * @param trackId             the {@code tkhd} track id
 * @param timescale           units per second of the sample table's times (the {@code mdhd} timescale)
 * @param codec               the audio coding
 * @param codecDetail         e.g. {@code AAC LC}, {@code HE-AAC}, {@code HE-AACv2}, {@code ALAC 16-bit}
 * @param audioSpecificConfig the AAC decoder configuration, {@code null} unless the codec is AAC and it was readable
 * @param sampleRateHz        the output sample rate (after SBR for HE-AAC)
 * @param channels            the output channel count (2 for parametric stereo)
 * @param primingSamples      encoder delay to skip at the start, in {@code timescale} units (the edit list's media
 *                            time, or iTunSMPB's delay), which writers make the same as samples at the output rate
 * @param paddingSamples      padding to drop at the end, in {@code timescale} units
 * @param sampleTable         every sample's offset, size, time and duration; times are on the media timeline, so
 *                            presentation time {@code t} (chapters, the gapless duration) is media time
 *                            {@code t + primingSamples}
 */
public record Mp4AudioTrack(int trackId, long timescale, Codec codec, String codecDetail,
        AudioSpecificConfig audioSpecificConfig, int sampleRateHz, int channels, long primingSamples,
        long paddingSamples, SampleTable sampleTable) {

    public Mp4AudioTrack {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(codecDetail, "codecDetail");
        Objects.requireNonNull(sampleTable, "sampleTable");
    }

    /** The duration of all samples, priming and padding included, in microseconds. */
    public long durationUs() {
        return sampleTable.durationUs();
    }

    /** The duration without priming and padding, in microseconds. */
    public long gaplessDurationUs() {
        return sampleTable.toMicros(Math.max(0, sampleTable.totalDuration() - primingSamples - paddingSamples));
    }
}
