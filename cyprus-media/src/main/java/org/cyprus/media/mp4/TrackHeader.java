package org.cyprus.media.mp4;

/**
 * The track header ({@code tkhd}, ISO/IEC 14496-12 §8.3.2).
 *
 * @param flags    bit 0 {@code track_enabled}, bit 1 {@code track_in_movie}, bit 2 {@code track_in_preview}
 * @param duration in the movie timescale
 */
record TrackHeader(int version, int flags, int trackId, long duration) {

    boolean enabled() {
        return (flags & 1) != 0;
    }
}
