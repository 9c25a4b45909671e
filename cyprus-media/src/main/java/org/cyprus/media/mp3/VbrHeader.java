package org.cyprus.media.mp3;

import java.util.OptionalLong;

/**
 * A frame at the start of a stream that describes the stream instead of carrying audio: a Xing/Info header
 * (LAME, FFmpeg and most encoders) or a Fraunhofer VBRI header. Decoders play it as silence or skip it; Cyprus
 * does not count or index it.
 */
public sealed interface VbrHeader permits XingHeader, VbriHeader {

    /** Offset of the frame holding the header. */
    long frameOffset();

    /** Length of that frame. */
    int frameBytes();

    /** The audio frames the header declares (the header's own frame not included), if it gives a count. */
    OptionalLong declaredFrames();

    /** The stream bytes the header declares, counted from the start of its own frame, if it gives them. */
    OptionalLong declaredBytes();
}
