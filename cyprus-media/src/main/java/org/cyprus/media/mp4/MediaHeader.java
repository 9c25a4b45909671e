package org.cyprus.media.mp4;

/**
 * The media header ({@code mdhd}, ISO/IEC 14496-12 §8.4.2).
 *
 * @param timescale units per second of the track's sample times
 * @param duration  the media duration in {@code timescale} units, as the writer declared it
 * @param language  the ISO 639-2/T code packed into 15 bits, e.g. {@code und}
 */
record MediaHeader(int version, long timescale, long duration, String language) {
}
