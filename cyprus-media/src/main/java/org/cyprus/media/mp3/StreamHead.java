package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * The start of an MPEG audio stream: its first confirmed frame, the Xing/Info or VBRI header that frame holds if
 * it is one, and the first frame carrying audio (the one after such a header, else the first frame itself).
 *
 * @param firstFrame the first confirmed frame
 * @param vbrHeader  the header in the first frame, if it is a Xing/Info or VBRI frame
 * @param firstAudio the first audio frame
 */
record StreamHead(SyncPoint firstFrame, Optional<VbrHeader> vbrHeader, SyncPoint firstAudio) {

    /** Reads the first frame for a Xing/Info or VBRI header and locates the audio after it. */
    static StreamHead read(ByteWindow window, FrameSync sync, SyncPoint first, List<String> warnings)
            throws IOException, MediaException {
        if (!window.ensure(first.offset(), first.frameBytes())) {
            return new StreamHead(first, Optional.empty(), first);
        }
        byte[] frame = window.copy(first.offset(), first.frameBytes());
        Optional<VbrHeader> header = XingHeader.parseXing(frame, first.header(), first.offset(), warnings)
                .<VbrHeader>map(x -> x)
                .or(() -> VbriHeader.parseVbri(frame, first.header(), first.offset(), warnings));
        if (header.isEmpty()) {
            return new StreamHead(first, header, first);
        }
        long next = first.offset() + first.frameBytes();
        Optional<SyncPoint> audio = sync.confirmAt(next);
        if (audio.isEmpty()) {
            audio = sync.find(next + 1, next + StreamScan.MAX_LEADING_JUNK_BYTES);
            audio.ifPresent(found -> warnings.add("skipped " + (found.offset() - next) + " bytes between the "
                    + kind(header.get()) + " frame and the first audio frame at offset " + found.offset()));
        }
        if (audio.isEmpty()) {
            throw new MediaException(MediaError.NO_AUDIO, "the stream holds a " + kind(header.get())
                    + " frame at offset " + first.offset() + " but no audio frames after it");
        }
        return new StreamHead(first, header, audio.get());
    }

    static String kind(VbrHeader header) {
        return switch (header) {
            case XingHeader x -> x.info() ? "Info" : "Xing";
            case VbriHeader v -> "VBRI";
        };
    }
}
