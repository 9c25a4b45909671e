/**
 * The ID3 / APE tag reader for MP3 files (and ADTS AAC or FLAC streams with ID3 tags in front).
 *
 * <p>The pipeline, entered through {@link org.cyprus.media.id3.Id3Reader}:
 * <ol>
 *   <li><b>Leading tags</b> ({@code TagScan}): ID3v2 headers from offset 0, one after the other; each tag is clamped
 *       to the file ({@code Id3v2TagReader}), decoded from whole-tag unsynchronisation when v2.2/v2.3, stepped past
 *       its extended header, checked for iTunes' plain v2.4 frame sizes ({@code FrameSizes}).</li>
 *   <li><b>Frames</b> ({@code FrameReader} → {@code FrameBody} → {@code FrameContent}, {@code PictureFrames}):
 *       headers walked until padding; per-frame unsynchronisation, group ids, data length indicators and zlib are
 *       undone; text, TXXX, COMM, APIC/PIC, CHAP and CTOC are decoded into {@code Id3Frame} records. Pictures
 *       that lie unchanged in the file are located, not read.</li>
 *   <li><b>Trailers</b> ({@code Trailers}): from the end back, ID3v1 (+ TAG+), APE, Lyrics3v2 and an appended ID3v2.4
 *       tag, in any order; the audio ends where they start.</li>
 *   <li><b>Merge</b>: frames to {@code Tags} ({@code FrameMapping}, {@code TconGenres}); first ID3v2 tag wins per
 *       key, then later ones, APE, Lyrics3, ID3v1. Chapters from CHAP/CTOC ({@code ChapterList}); the front cover,
 *       else the first picture, else APE's.</li>
 * </ol>
 * Every size read from the file is checked against what its container holds before anything is allocated; bad
 * structures become warnings ({@code Diagnostics}), never exceptions other than the source's {@code IOException}.
 */
package org.cyprus.media.id3;
