package org.cyprus.media.id3;

import java.util.OptionalLong;
import org.cyprus.media.io.ByteSource;

/**
 * Where the frames of one tag (or the sub-frames of one chapter frame) are read from: a range of the file, or of
 * bytes that had to be decoded or copied first (an unsynchronised v2.3 tag, a chapter frame's body).
 *
 * @param inFile     whether {@code source} is the file itself, so that a picture can be left there
 * @param fileOffset the file offset of {@code start} when the bytes are unchanged copies of the file's (for dumps)
 */
record FrameArea(ByteSource source, long start, long end, boolean inFile, OptionalLong fileOffset) {

    /** A range of the file itself. */
    static FrameArea ofFile(ByteSource file, long start, long end) {
        return new FrameArea(file, start, end, true, OptionalLong.of(start));
    }

    /** A position for the dump: the file offset, or the offset into the decoded bytes. */
    String at(long position) {
        return fileOffset.isPresent()
                ? "@" + (fileOffset.getAsLong() + position - start)
                : "@decoded+" + (position - start);
    }
}
