/**
 * Native FLAC (RFC 9639), and the Vorbis comment machinery FLAC shares with Ogg.
 *
 * <p>{@link org.cyprus.media.flac.FlacProber} reads the metadata blocks after the {@code fLaC} marker
 * ({@code FlacMetadata}: STREAMINFO, SEEKTABLE, VORBIS_COMMENT, PICTURE; every size checked against the file),
 * then checks the audio: the first frame header right after the metadata, and the last complete frame found in
 * the file's tail ({@code FlacTail}, CRC-8 and CRC-16 checked). The last frame makes the sample count exact when
 * STREAMINFO says 0 and reveals truncation when the file ends early. Tags, "Ogg chapter" comments and pictures
 * inside comments are read by {@link org.cyprus.media.flac.VorbisComment},
 * {@link org.cyprus.media.flac.VorbisCommentTags}, {@link org.cyprus.media.flac.VorbisChapters} and
 * {@link org.cyprus.media.flac.VorbisCommentCover}, which the Ogg prober uses too.
 */
package org.cyprus.media.flac;
