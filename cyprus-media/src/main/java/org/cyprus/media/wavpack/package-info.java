/**
 * WavPack 4 and 5 files.
 *
 * <p>{@link org.cyprus.media.wavpack.WavPackProber} reads the first block header (and its metadata sub-blocks for
 * an unusual sample rate or DSD), sums the channels over the blocks of the first frame, and takes the sample count
 * from the header, checked against the last complete block ({@code WavPackBlocks}); when the header does not know
 * the count, every block header is walked, which also gives an exact seek index ({@code WavPackSeekIndex}).
 */
package org.cyprus.media.wavpack;
