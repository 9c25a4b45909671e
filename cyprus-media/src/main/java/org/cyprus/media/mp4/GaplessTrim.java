package org.cyprus.media.mp4;

import java.util.Optional;

/**
 * How much of a track's start (encoder delay, "priming") and end (padding) is not part of the presentation, in
 * the track's timescale.
 *
 * @param source where the numbers came from: {@code iTunSMPB}, {@code elst} or {@code none}
 */
record GaplessTrim(long primingSamples, long paddingSamples, String source) {
    static final GaplessTrim NONE = new GaplessTrim(0, 0, "none");

    /**
     * Apple's iTunSMPB wins when present and consistent (its numbers are exact samples at the output rate); else the
     * first non-empty edit (ISO/IEC 14496-12 §8.6.6): its {@code media_time} is the priming, and what the media
     * holds beyond the edit's {@code segment_duration} (converted from the movie timescale, rounded to nearest)
     * is the padding. A segment duration of 0 (common in fragmented files) says nothing about padding.
     */
    static GaplessTrim of(Track track, MovieHeader mvhd, Optional<ItunSmpb> smpb, long totalDuration, int sampleRateHz,
            Warnings warnings) {
        long timescale = track.media().timescale();
        if (smpb.isPresent() && sampleRateHz > 0) {
            long delay = rescale(smpb.get().delaySamples(), timescale, sampleRateHz);
            long padding = rescale(smpb.get().paddingSamples(), timescale, sampleRateHz);
            if (delay <= totalDuration && padding <= totalDuration - delay) {
                return new GaplessTrim(delay, padding, "iTunSMPB");
            }
            warnings.add("iTunSMPB delay and padding exceed the track's duration; ignored");
        }
        EditList.Edit edit = null;
        int nonEmpty = 0;
        for (EditList.Edit e : track.editList().edits()) {
            if (!e.empty()) {
                nonEmpty++;
                if (edit == null) {
                    edit = e;
                }
            }
        }
        if (edit == null || edit.mediaTime() < 0) {
            return NONE;
        }
        if (nonEmpty > 1) {
            warnings.add(track.label() + " has an edit list of " + nonEmpty + " edits; only the first is honoured");
        }
        if (edit.mediaTime() >= totalDuration) {
            warnings.add(track.label() + ": the edit list starts at " + edit.mediaTime() + ", past the media's end; ignored");
            return NONE;
        }
        long priming = edit.mediaTime();
        long padding = 0;
        if (edit.segmentDuration() > 0 && mvhd.timescale() > 0) {
            long presented = rescale(edit.segmentDuration(), timescale, mvhd.timescale());
            padding = Math.max(0, totalDuration - priming - presented);
        }
        return new GaplessTrim(priming, padding, "elst");
    }

    /** {@code value * to / from}, rounded to nearest, saturating instead of overflowing. */
    private static long rescale(long value, long to, long from) {
        if (to == from) {
            return value;
        }
        double scaled = Math.rint((double) value * to / from);
        return scaled >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) scaled;
    }
}
