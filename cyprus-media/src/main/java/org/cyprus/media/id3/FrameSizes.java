package org.cyprus.media.id3;

import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Decides between two readings of a tag's frame sizes by walking the frame headers with each: a reading is
 * plausible when every header it lands on has a valid id and the walk ends in padding or at the end of the tag.
 * Used for v2.4 tags written with plain 32-bit sizes instead of synchsafe ones (the iTunes bug; frames below 128
 * bytes read the same either way), and for v2.3 tags whose frames were unsynchronised one by one with sizes that
 * count the stored bytes, instead of the whole tag (id3v2.3.0 §5).
 */
final class FrameSizes {
    /** A walk this long without a contradiction is plausible enough. */
    private static final int MAX_WALKED_FRAMES = 4096;

    private FrameSizes() {
    }

    /** Whether a v2.4 tag's frames in {@code [from, end)} only make sense with plain sizes. */
    static boolean plainInV24(ByteSource source, long from, long end) throws IOException {
        return !walks(source, from, end, new FrameFormat(4, false, false))
                && walks(source, from, end, new FrameFormat(4, true, false));
    }

    /** Whether the frames in {@code [from, end)} of {@code source} walk cleanly with {@code format}'s sizes. */
    static boolean walks(ByteSource source, long from, long end, FrameFormat format) throws IOException {
        int headerBytes = format.headerBytes();
        long position = from;
        for (int frames = 0; frames < MAX_WALKED_FRAMES && end - position >= headerBytes; frames++) {
            byte[] raw;
            try {
                raw = source.readBytes(position, headerBytes);
            } catch (MediaException e) {
                return false;
            }
            if (raw[0] == 0) {
                return true;
            }
            if (!FrameIds.wellFormed(raw, 0, format.idLength()) || !format.sizeWellFormed(raw)) {
                return false;
            }
            position += headerBytes + format.size(raw);
            if (position > end) {
                return false;
            }
        }
        return true;
    }
}
