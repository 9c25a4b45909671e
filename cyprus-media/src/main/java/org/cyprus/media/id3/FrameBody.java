package org.cyprus.media.id3;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.cyprus.media.MediaException;

/**
 * Turns one frame's stored bytes into its data: undoes unsynchronisation, steps over the group id, encryption
 * method and data length indicator, inflates compressed data, and hands the result to {@link FrameContent}.
 * Pictures whose bytes lie unchanged in the file are not read into memory.
 */
final class FrameBody {
    /** Largest frame read into memory; bigger ones (other than pictures left in the file) are skipped. */
    static final int MAX_FRAME_BYTES = 16 << 20;

    private FrameBody() {
    }

    static Optional<Id3Frame> decode(FrameArea area, FrameHeader header, long bodyStart, long bodySize,
            boolean truncated, boolean nested, Diagnostics diag) throws IOException, MediaException {
        String id = header.id();
        if (bodySize == 0) {
            // id3v2.4.0-structure §4: a frame must include at least one byte besides the header.
            diag.warn("frame " + header.rawId() + " at " + area.at(header.offset()) + " is empty");
            return Optional.empty();
        }
        if (header.encrypted()) {
            diag.warn("frame " + header.rawId() + " at " + area.at(header.offset()) + " is encrypted; skipped");
            return Optional.empty();
        }
        if (!FrameContent.interprets(id, nested)) {
            return Optional.of(new Id3Frame.Other(id, bodySize));
        }
        int extra = header.extraBytes();
        if (extra >= bodySize) {
            throw FrameReader.corrupt("the frame is too small for its flags");
        }
        boolean picture = id.equals("APIC") || id.equals("PIC");
        if (picture && truncated) {
            throw FrameReader.corrupt("the picture is cut off by the end of the tag");
        }
        if (picture && !nested && area.inFile() && !header.unsynchronised() && !header.compressed()) {
            return Optional.of(PictureFrames.parseInFile(area.source(), id, bodyStart + extra, bodySize - extra, diag));
        }
        if (bodySize > MAX_FRAME_BYTES) {
            diag.warn("frame " + header.rawId() + " at " + area.at(header.offset()) + " is " + bodySize
                    + " bytes, more than the " + MAX_FRAME_BYTES + " read into memory; skipped");
            return Optional.empty();
        }
        byte[] stored = area.source().readBytes(bodyStart, (int) bodySize);
        byte[] body = header.unsynchronised() ? Unsynchronisation.decode(stored) : stored;
        if (body != stored) {
            diag.line("unsynchronisation removed " + (stored.length - body.length) + " bytes");
        }
        if (extra >= body.length) {
            throw FrameReader.corrupt("the frame is too small for its flags");
        }
        describeExtras(header, body, diag);
        if (header.compressed()) {
            byte[] inflated = Inflation.inflate(body, extra, body.length);
            diag.line("inflated " + (body.length - extra) + " -> " + inflated.length + " bytes");
            FrameData data = new FrameData(inflated, 0, inflated.length, OptionalLong.empty());
            return FrameContent.parse(id, data, header.format(), nested, diag);
        }
        OptionalLong fileOffset = body == stored && area.inFile()
                ? OptionalLong.of(bodyStart + extra) : OptionalLong.empty();
        return FrameContent.parse(id, new FrameData(body, extra, body.length, fileOffset), header.format(), nested, diag);
    }

    private static void describeExtras(FrameHeader header, byte[] body, Diagnostics diag) {
        if (!diag.dumping()) {
            return;
        }
        int at = 0;
        if (header.format().majorVersion() == 3 && header.compressed()) {
            diag.line("decompressed size " + Syncsafe.plain(body, 0));
            at = 4;
        }
        if (header.format().majorVersion() == 4 && header.grouped()) {
            diag.line("group " + (body[at] & 0xFF));
            at++;
        }
        if (header.hasDataLength()) {
            diag.line("data length " + Syncsafe.decode(body, at));
        }
        if (header.format().majorVersion() == 3 && header.grouped()) {
            diag.line("group " + (body[at] & 0xFF));
        }
    }

    /**
     * A frame's data after decoding: {@code bytes[from, to)}.
     *
     * @param fileOffset where {@code bytes[from]} lies in the file when the data is unchanged there
     */
    record FrameData(byte[] bytes, int from, int to, OptionalLong fileOffset) {

        int length() {
            return to - from;
        }
    }
}
