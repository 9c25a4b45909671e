package org.cyprus.media.mp3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Fraunhofer VBRI header, 32 bytes after the header of the first frame: version, delay, quality, the stream's
 * bytes and frames, then a table of contents whose entries each give the bytes of {@code framesPerEntry} frames,
 * divided by {@code tocScale} and stored in {@code tocEntryBytes} bytes.
 *
 * @param frameOffset    offset of the frame
 * @param frameBytes     length of the frame
 * @param version        the header version (1 in every known file)
 * @param delay          the encoder delay field as stored
 * @param quality        the quality indicator
 * @param bytes          declared stream bytes, counted from the start of this frame
 * @param frames         declared audio frames
 * @param tocScale       the factor the table's entries were divided by
 * @param tocEntryBytes  bytes per table entry, 1 to 4
 * @param framesPerEntry frames each table entry covers
 * @param toc            the table's entries, already multiplied by {@code tocScale}; empty when unusable
 */
public record VbriHeader(long frameOffset, int frameBytes, int version, int delay, int quality, long bytes, long frames,
        int tocScale, int tocEntryBytes, int framesPerEntry, List<Long> toc) implements VbrHeader {
    /** 4-byte header plus 32 bytes, fixed whatever the channel mode. */
    static final int TAG_OFFSET = 36;
    private static final int FIXED_FIELDS_BYTES = 26;

    public VbriHeader {
        toc = List.copyOf(toc);
    }

    @Override
    public OptionalLong declaredFrames() {
        return frames > 0 ? OptionalLong.of(frames) : OptionalLong.empty();
    }

    @Override
    public OptionalLong declaredBytes() {
        return bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
    }

    /** The VBRI header in {@code frame}, if there is one. */
    static Optional<VbriHeader> parseVbri(byte[] frame, FrameHeader header, long frameOffset, List<String> warnings) {
        if (header.layer() != MpegLayer.LAYER_3 || TAG_OFFSET + FIXED_FIELDS_BYTES > frame.length
                || !new String(frame, TAG_OFFSET, 4, StandardCharsets.ISO_8859_1).equals("VBRI")) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        int at = TAG_OFFSET + 4;
        int version = in.getChar(at);
        int delay = in.getChar(at + 2);
        int quality = in.getChar(at + 4);
        long bytes = Integer.toUnsignedLong(in.getInt(at + 6));
        long frames = Integer.toUnsignedLong(in.getInt(at + 10));
        int entries = in.getChar(at + 14);
        int scale = in.getChar(at + 16);
        int entryBytes = in.getChar(at + 18);
        int framesPerEntry = in.getChar(at + 20);
        int tocStart = at + 22;
        List<Long> toc = List.of();
        if (entryBytes < 1 || entryBytes > 4 || framesPerEntry == 0 || scale == 0 || entries == 0) {
            warnings.add("the VBRI table of contents at offset " + frameOffset + " has " + entries + " entries of "
                    + entryBytes + " bytes, scale " + scale + ", " + framesPerEntry + " frames each; not used");
        } else if ((long) entries * entryBytes > frame.length - tocStart) {
            warnings.add("the VBRI table of contents at offset " + frameOffset + " runs past the end of its frame; not used");
        } else {
            toc = new ArrayList<>(entries);
            for (int i = 0; i < entries; i++) {
                long entry = 0;
                for (int b = 0; b < entryBytes; b++) {
                    entry = entry << 8 | (frame[tocStart + i * entryBytes + b] & 0xFF);
                }
                toc.add(entry * scale);
            }
        }
        return Optional.of(new VbriHeader(frameOffset, frame.length, version, delay, quality, bytes, frames, scale,
                entryBytes, framesPerEntry, toc));
    }
}
