package org.cyprus.media.id3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Walks the frames of one tag, or the sub-frames of a chapter frame, until padding, the end of the area or a
 * header that is not a frame. A bad frame is skipped with a warning; a frame whose size runs past the area is read
 * as far as the area goes and ends the walk.
 */
final class FrameReader {
    /** Frames beyond this many in one tag are not read; no real tag comes near it. */
    static final int MAX_FRAMES = 65_536;

    private FrameReader() {
    }

    /**
     * The frames in {@code area} from {@code from}.
     *
     * @param nested whether these are sub-frames of a CHAP or CTOC frame, which may not nest chapters again and
     *               whose pictures are not kept
     */
    static List<Id3Frame> readFrames(FrameArea area, long from, FrameFormat format, boolean nested, Diagnostics diag)
            throws IOException {
        List<Id3Frame> frames = new ArrayList<>();
        int headerBytes = format.headerBytes();
        long position = from;
        while (area.end() - position >= headerBytes) {
            byte[] raw;
            try {
                raw = area.source().readBytes(position, headerBytes);
            } catch (MediaException e) {
                diag.warn("frame header at " + area.at(position) + " unreadable: " + e.getMessage());
                return frames;
            }
            if (raw[0] == 0) {
                // id3v2.4.0-structure §3.3: padding is zero bytes after the last frame.
                diag.line("padding " + area.at(position) + " " + (area.end() - position) + " bytes");
                return frames;
            }
            if (!FrameIds.wellFormed(raw, 0, format.idLength())) {
                diag.warn("no valid frame id at " + area.at(position) + "; the rest of the tag ("
                        + (area.end() - position) + " bytes) is skipped");
                return frames;
            }
            if (frames.size() >= MAX_FRAMES) {
                diag.warn("more than " + MAX_FRAMES + " frames; the rest of the tag is skipped");
                return frames;
            }
            FrameHeader header = FrameHeader.parse(raw, position, format);
            long bodyStart = position + headerBytes;
            long bodySize = header.sizeBytes();
            boolean overruns = bodySize > area.end() - bodyStart;
            diag.line(header.describe(area));
            diag.enter();
            try {
                if (overruns) {
                    bodySize = area.end() - bodyStart;
                    diag.warn("frame " + header.rawId() + " at " + area.at(position) + " declares " + header.sizeBytes()
                            + " bytes but only " + bodySize + " remain in the tag");
                }
                FrameBody.decode(area, header, bodyStart, bodySize, overruns, nested, diag).ifPresent(frames::add);
            } catch (MediaException e) {
                diag.warn("frame " + header.rawId() + " at " + area.at(position) + " skipped: " + e.getMessage());
            } finally {
                diag.exit();
            }
            if (overruns) {
                return frames;
            }
            position = bodyStart + bodySize;
        }
        if (position < area.end()) {
            // Fewer bytes than a frame header: padding, or leftovers of a frame written shorter than declared.
            diag.line("trailing " + (area.end() - position) + " bytes " + area.at(position));
        }
        return frames;
    }

    /** A frame that cannot be what it claims. */
    static MediaException corrupt(String message) {
        return new MediaException(MediaError.CORRUPT, message);
    }
}
