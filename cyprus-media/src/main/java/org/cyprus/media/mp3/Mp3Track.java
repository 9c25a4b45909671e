package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * An MPEG audio stream as repackaging needs it: the header of its first audio frame (the Xing/Info or VBRI frame
 * is not audio and is left out), every audio frame in an exact index, and whether any frame departs from the first
 * one's version, layer, sampling frequency or channel count — which a stream is not allowed to do (ISO/IEC 11172-3
 * §2.4.2.3) but concatenated files do.
 *
 * @param firstHeader     the header of the first audio frame
 * @param index           every audio frame
 * @param parameterChange the first frame whose parameters differ from the first one's, described; empty when none
 */
public record Mp3Track(FrameHeader firstHeader, Mp3FrameIndex index, Optional<String> parameterChange) {

    public Mp3Track {
        Objects.requireNonNull(firstHeader, "firstHeader");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(parameterChange, "parameterChange");
    }

    /**
     * Walks every frame in {@code [audioStart, audioEnd)} of {@code source}, as {@link Mp3FrameIndex#build} does.
     *
     * @throws MediaException {@code UNRECOGNIZED} when no confirmed frame sequence starts in the range,
     *                        {@code NO_AUDIO} when the only frame is a Xing/Info or VBRI frame
     */
    public static Mp3Track scan(ByteSource source, long audioStart, long audioEnd) throws IOException, MediaException {
        StreamScan scan = StreamScan.of(source, audioStart, audioEnd);
        FrameWalk.Result walk = scan.scanAll();
        return new Mp3Track(scan.head().firstAudio().header(), walk.index(), walk.parameterChange());
    }
}
