package org.cyprus.media.mp3;

/**
 * A frame at which a confirmed run of frames starts.
 *
 * @param offset     byte offset of the frame header
 * @param header     the frame's header
 * @param lock       the stream parameters the following frames repeated
 * @param frameBytes the frame's length
 */
record SyncPoint(long offset, FrameHeader header, StreamLock lock, int frameBytes) {
}
