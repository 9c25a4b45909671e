/**
 * WAV files: RIFF/WAVE, RF64 and BW64.
 *
 * <p>{@link org.cyprus.media.wav.WavProber} walks the chunks once ({@code WavLayout}: {@code fmt }, {@code ds64},
 * {@code fact}, {@code LIST/INFO}, {@code data}; odd sizes padded, sizes checked against the file) and turns the
 * format ({@code WaveFormat}) and the data chunk into an exact duration and an exact seek index by arithmetic.
 */
package org.cyprus.media.wav;
