package org.cyprus.media.id3;

import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Tells whether a v2.4 tag's frame sizes are synchsafe, as id3v2.4.0-structure §4.1 requires, or plain 32-bit
 * integers as iTunes (and others copying v2.3 code) wrote them. Both readings are walked over the frame headers; a
 * reading is plausible when every header it lands on has a valid id and the walk ends in padding or at the end of
 * the tag. The plain reading is chosen only when it is plausible and the synchsafe one is not; frames below 128
 * bytes read the same either way.
 */
final class FrameSizes {
    /** A walk this long without a contradiction is plausible enough. */
    private static final int MAX_WALKED_FRAMES = 4096;
    private static final int HEADER_BYTES = 10;

    private FrameSizes() {
    }

    static boolean plainInV24(ByteSource source, long from, long end) throws IOException {
        return !walks(source, from, end, true) && walks(source, from, end, false);
    }

    private static boolean walks(ByteSource source, long from, long end, boolean syncsafe) throws IOException {
        long position = from;
        for (int frames = 0; frames < MAX_WALKED_FRAMES && end - position >= HEADER_BYTES; frames++) {
            byte[] raw;
            try {
                raw = source.readBytes(position, HEADER_BYTES);
            } catch (MediaException e) {
                return false;
            }
            if (raw[0] == 0) {
                return true;
            }
            if (!FrameIds.wellFormed(raw, 0, 4) || syncsafe && !Syncsafe.valid(raw, 4)) {
                return false;
            }
            long size = syncsafe ? Syncsafe.decode(raw, 4) : Syncsafe.plain(raw, 4);
            position += HEADER_BYTES + size;
            if (position > end) {
                return false;
            }
        }
        return true;
    }
}
