package org.cyprus.media.mp4;

/**
 * The movie header ({@code mvhd}, ISO/IEC 14496-12 §8.2.2).
 *
 * @param timescale units per second of {@code duration} and of edit-list segment durations
 * @param duration  the presentation's duration, rounded by the writer; never used for the exact duration
 */
record MovieHeader(int version, long timescale, long duration) {
}
