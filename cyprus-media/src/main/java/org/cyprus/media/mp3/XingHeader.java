package org.cyprus.media.mp3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A Xing ("Xing", VBR) or Info ("Info", CBR) header inside the first Layer III frame: after the tag and a 32-bit
 * flags word come, each when its flag is set, the frame count (0x1), the byte count (0x2), a 100-entry table of
 * contents (0x4) and a quality indicator (0x8); a LAME tag may follow.
 *
 * @param frameOffset offset of the frame
 * @param frameBytes  length of the frame
 * @param info        true for the "Info" spelling LAME uses for constant bitrate
 * @param tagOffset   where the tag starts inside the frame
 * @param frames      declared audio frames, if flagged
 * @param bytes       declared stream bytes from the start of this frame, if flagged
 * @param toc         the table of contents: entry {@code i} is the byte position (of 256) at {@code i}% of the
 *                    duration; empty when absent or unusable
 * @param quality     the quality indicator, if flagged
 * @param lame        the LAME tag, if one follows
 */
public record XingHeader(long frameOffset, int frameBytes, boolean info, int tagOffset, OptionalLong frames,
        OptionalLong bytes, List<Integer> toc, OptionalInt quality, Optional<LameTag> lame) implements VbrHeader {
    static final int TOC_ENTRIES = 100;
    private static final int FRAMES_FLAG = 0x1;
    private static final int BYTES_FLAG = 0x2;
    private static final int TOC_FLAG = 0x4;
    private static final int QUALITY_FLAG = 0x8;

    public XingHeader {
        toc = List.copyOf(toc);
    }

    @Override
    public OptionalLong declaredFrames() {
        return frames;
    }

    @Override
    public OptionalLong declaredBytes() {
        return bytes;
    }

    /**
     * The Xing header in {@code frame}, if there is one. The tag sits right after the side information (32/17
     * bytes for MPEG-1 stereo/mono, 17/9 for MPEG-2/2.5, ISO/IEC 11172-3 §2.4.1.7). For a CRC-protected frame the
     * side information starts after the CRC, yet LAME 3.100 ({@code lame -p}) still writes the tag at the
     * unprotected offset: both places are tried.
     */
    static Optional<XingHeader> parseXing(byte[] frame, FrameHeader header, long frameOffset, List<String> warnings) {
        if (header.layer() != MpegLayer.LAYER_3) {
            return Optional.empty();
        }
        int plain = FrameHeader.HEADER_BYTES + header.sideInfoBytes();
        int[] offsets = header.crcProtected() ? new int[] {plain, plain + FrameHeader.CRC_BYTES} : new int[] {plain};
        for (int offset : offsets) {
            if (offset + 8 <= frame.length) {
                String tag = new String(frame, offset, 4, StandardCharsets.ISO_8859_1);
                if (tag.equals("Xing") || tag.equals("Info")) {
                    return Optional.of(parseFields(frame, offset, tag.equals("Info"), frameOffset, warnings));
                }
            }
        }
        return Optional.empty();
    }

    private static XingHeader parseFields(byte[] frame, int tagOffset, boolean info, long frameOffset, List<String> warnings) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int flags = in.getInt(tagOffset + 4);
        int at = tagOffset + 8;
        OptionalLong frames = OptionalLong.empty();
        OptionalLong bytes = OptionalLong.empty();
        List<Integer> toc = List.of();
        OptionalInt quality = OptionalInt.empty();
        int needed = at + ((flags & FRAMES_FLAG) != 0 ? 4 : 0) + ((flags & BYTES_FLAG) != 0 ? 4 : 0)
                + ((flags & TOC_FLAG) != 0 ? TOC_ENTRIES : 0) + ((flags & QUALITY_FLAG) != 0 ? 4 : 0);
        if (needed > frame.length) {
            warnings.add("the Xing header at offset " + frameOffset + " declares fields past the end of its "
                    + frame.length + "-byte frame; ignored");
            return new XingHeader(frameOffset, frame.length, info, tagOffset, frames, bytes, toc, quality, Optional.empty());
        }
        if ((flags & FRAMES_FLAG) != 0) {
            frames = OptionalLong.of(Integer.toUnsignedLong(in.getInt(at)));
            at += 4;
        }
        if ((flags & BYTES_FLAG) != 0) {
            bytes = OptionalLong.of(Integer.toUnsignedLong(in.getInt(at)));
            at += 4;
        }
        if ((flags & TOC_FLAG) != 0) {
            toc = parseToc(frame, at, frameOffset, warnings);
            at += TOC_ENTRIES;
        }
        if ((flags & QUALITY_FLAG) != 0) {
            quality = OptionalInt.of(in.getInt(at));
            at += 4;
        }
        Optional<LameTag> lame = LameTag.parseLame(frame, at, frameOffset, warnings);
        return new XingHeader(frameOffset, frame.length, info, tagOffset, frames, bytes, toc, quality, lame);
    }

    /** The TOC must not decrease: a position later in time lies later in the file. */
    private static List<Integer> parseToc(byte[] frame, int at, long frameOffset, List<String> warnings) {
        List<Integer> toc = new ArrayList<>(TOC_ENTRIES);
        for (int i = 0; i < TOC_ENTRIES; i++) {
            int entry = frame[at + i] & 0xFF;
            if (i > 0 && entry < toc.get(i - 1)) {
                warnings.add("the Xing table of contents at offset " + frameOffset + " decreases at entry " + i
                        + "; not used for seeking");
                return List.of();
            }
            toc.add(entry);
        }
        return toc;
    }
}
