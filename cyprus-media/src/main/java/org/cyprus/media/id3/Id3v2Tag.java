package org.cyprus.media.id3;

import java.util.List;

/**
 * One ID3v2 tag as read: its header, where it ends in the file (clamped to what the file holds) and its frames.
 */
record Id3v2Tag(Id3v2Header header, long end, List<Id3Frame> frames) {
    Id3v2Tag {
        frames = List.copyOf(frames);
    }
}
