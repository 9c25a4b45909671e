package org.cyprus.media.mp4;

/**
 * The ALACSpecificConfig inside an {@code alac} sample entry (Apple Lossless Audio Codec, "ALAC magic cookie").
 *
 * @param frameLength samples per frame, normally 4096
 * @param bitDepth    bits per sample
 */
record AlacConfig(long frameLength, int bitDepth, int channels, long avgBitrateBps, long sampleRateHz) {
}
