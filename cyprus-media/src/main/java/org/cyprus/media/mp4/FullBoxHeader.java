package org.cyprus.media.mp4;

import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/** The version and flags that open a "full box" (ISO/IEC 14496-12 §4.2). */
record FullBoxHeader(int version, int flags) {

    static FullBoxHeader read(ByteReader reader) throws IOException, MediaException {
        int version = reader.u8();
        int flags = reader.u24();
        return new FullBoxHeader(version, flags);
    }
}
