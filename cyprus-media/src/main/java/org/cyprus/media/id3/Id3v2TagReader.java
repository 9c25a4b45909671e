package org.cyprus.media.id3;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;

/**
 * Reads one ID3v2 tag from its header: clamps it to the file, undoes whole-tag unsynchronisation (v2.2/v2.3),
 * steps over the extended header, detects plain frame sizes in v2.4 and reads the frames.
 */
final class Id3v2TagReader {
    /** Largest unsynchronised v2.2/v2.3 tag decoded in memory; bigger ones are skipped with a warning. */
    static final int MAX_DECODED_TAG_BYTES = 64 << 20;

    private Id3v2TagReader() {
    }

    /** The tag whose header is {@code header}; it may not extend past {@code limit}. */
    static Id3v2Tag read(ByteSource source, Id3v2Header header, long limit, Diagnostics diag) throws IOException {
        diag.line(header.describe());
        diag.enter();
        try {
            long end = header.declaredEnd();
            if (end > limit) {
                diag.warn("the ID3v2 tag at " + header.offset() + " declares " + header.totalBytes()
                        + " bytes but only " + (limit - header.offset()) + " remain; it is read up to offset " + limit);
                end = limit;
            }
            if (!header.supportedVersion()) {
                diag.warn("the ID3v2." + header.majorVersion() + " tag at " + header.offset()
                        + " has an unknown version and is skipped");
                return new Id3v2Tag(header, end, List.of());
            }
            if (header.compressedV22()) {
                diag.warn("the ID3v2.2 tag at " + header.offset() + " is flagged as compressed, which no scheme "
                        + "defines; it is skipped");
                return new Id3v2Tag(header, end, List.of());
            }
            if (header.undefinedFlags() != 0) {
                diag.warn("the ID3v2 tag at " + header.offset() + " sets undefined flags 0x"
                        + Integer.toHexString(header.undefinedFlags()));
            }
            long bodyStart = header.offset() + Id3v2Header.BYTES;
            long bodyEnd = Math.min(bodyStart + header.sizeBytes(), end);
            List<Id3Frame> frames = readBody(source, header, FrameArea.ofFile(source, bodyStart, bodyEnd), diag);
            if (header.hasFooter() && end - bodyEnd >= Id3v2Header.BYTES) {
                diag.line("footer @" + bodyEnd);
            }
            return new Id3v2Tag(header, end, frames);
        } finally {
            diag.exit();
        }
    }

    private static List<Id3Frame> readBody(ByteSource source, Id3v2Header header, FrameArea stored, Diagnostics diag)
            throws IOException {
        FrameArea area = stored;
        boolean framesUnsynchronised = header.majorVersion() == 4 && header.unsynchronised();
        if (header.unsynchronised() && header.majorVersion() < 4) {
            // id3v2.3.0 §5: up to v2.3 unsynchronisation covers the whole tag after the header, frame headers and
            // extended header included, so the tag is decoded before anything in it is read.
            long length = stored.end() - stored.start();
            if (length > MAX_DECODED_TAG_BYTES) {
                diag.warn("the unsynchronised tag at " + header.offset() + " is " + length + " bytes, more than the "
                        + MAX_DECODED_TAG_BYTES + " decoded in memory; its frames are skipped");
                return List.of();
            }
            byte[] bytes;
            try {
                bytes = source.readBytes(stored.start(), (int) length);
            } catch (MediaException e) {
                diag.warn("the tag at " + header.offset() + " is unreadable: " + e.getMessage());
                return List.of();
            }
            byte[] decoded = Unsynchronisation.decode(bytes);
            if (decoded != bytes) {
                diag.line("unsynchronisation removed " + (bytes.length - decoded.length) + " bytes");
                area = new FrameArea(new ArrayByteSource(decoded), 0, decoded.length, false, OptionalLong.empty());
                if (unsynchronisedFrameByFrame(header, area, stored)) {
                    diag.warn("the ID3v2." + header.majorVersion() + " tag at " + header.offset() + " was "
                            + "unsynchronised frame by frame, not as a whole; it is read that way");
                    area = stored;
                    framesUnsynchronised = true;
                }
            }
        }
        long framesStart = area.start();
        if (header.extendedHeader()) {
            OptionalLong afterExtendedHeader = ExtendedHeader.parse(area, header.majorVersion(), diag);
            if (afterExtendedHeader.isEmpty()) {
                return List.of();
            }
            framesStart = afterExtendedHeader.getAsLong();
        }
        boolean plainSizes = header.majorVersion() == 4 && FrameSizes.plainInV24(area.source(), framesStart, area.end());
        if (plainSizes) {
            diag.warn("the ID3v2.4 tag at " + header.offset() + " stores plain frame sizes instead of synchsafe "
                    + "ones (an iTunes bug); they are read as plain");
        }
        FrameFormat format = new FrameFormat(header.majorVersion(), plainSizes, framesUnsynchronised);
        return FrameReader.readFrames(area, framesStart, format, false, diag);
    }

    /**
     * Whether a v2.2/v2.3 tag flagged as unsynchronised only makes sense with frame sizes that count the stored
     * bytes, each frame body unsynchronised on its own (as ffmpeg reads such tags and some writers wrote them),
     * rather than with the whole tag decoded first as id3v2.3.0 §5 says.
     */
    private static boolean unsynchronisedFrameByFrame(Id3v2Header header, FrameArea decoded, FrameArea stored)
            throws IOException {
        if (header.extendedHeader()) {
            return false;
        }
        FrameFormat format = new FrameFormat(header.majorVersion(), false, false);
        return !FrameSizes.walks(decoded.source(), decoded.start(), decoded.end(), format)
                && FrameSizes.walks(stored.source(), stored.start(), stored.end(), format);
    }
}
