package org.cyprus.media;

/**
 * Where playback of a time begins: the byte offset of the frame (MP3) or access unit (AAC) that contains the
 * requested time, and that unit's own start time.
 *
 * @param byteOffset offset of the unit in the file
 * @param timeUs     start time of the unit, in microseconds
 */
public record SeekPoint(long byteOffset, long timeUs) {
}
