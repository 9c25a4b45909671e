/**
 * Repackaging audio without decoding it, for streaming (see the module README, "Packing").
 *
 * <p>{@link org.cyprus.media.probe.MediaProbe#audioStream} gives an {@link org.cyprus.media.mux.AudioStream};
 * {@link org.cyprus.media.mux.FrameRun#read} reads a stretch of its frames; {@link org.cyprus.media.mux.Fmp4Writer},
 * {@link org.cyprus.media.mux.MpegTsWriter} and {@link org.cyprus.media.mux.ElementaryStream} write it as fMP4/CMAF
 * segments, MPEG-TS segments or a continuous stream; {@link org.cyprus.media.mux.AudioStreamFile} caches the
 * stream's frame table on disk.
 */
package org.cyprus.media.mux;
