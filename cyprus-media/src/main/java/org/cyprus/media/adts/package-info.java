/**
 * Raw AAC in ADTS framing (ISO/IEC 14496-3 §1.A.2).
 *
 * <p>{@link org.cyprus.media.adts.AdtsProber} finds the first frame whose length chains to further frames of the
 * same stream ({@code AdtsScan}), then reads every frame header into an exact frame table
 * ({@code AdtsFrameTable}), skipping junk and leaving out a truncated last frame with a warning.
 * {@link org.cyprus.media.adts.AdtsProber#track} gives the same frames with the fixed header they share
 * ({@link org.cyprus.media.adts.AdtsTrack}), for repackaging without the ADTS framing.
 */
package org.cyprus.media.adts;
