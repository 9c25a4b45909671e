package org.cyprus.media.id3;

import java.nio.charset.StandardCharsets;

/**
 * One frame header with its format flags (id3v2.4.0-structure §4.1.2, id3v2.3.0 §3.3.1).
 *
 * @param offset    where the header starts (see {@link FrameArea#at(long)})
 * @param rawId     the id as written
 * @param id        the v2.3/v2.4 id ({@link FrameIds#normalise})
 * @param sizeBytes the size after the header, as declared
 * @param flags     both flag bytes, status then format
 */
record FrameHeader(long offset, String rawId, String id, long sizeBytes, int flags, FrameFormat format) {

    static FrameHeader parse(byte[] raw, long offset, FrameFormat format) {
        String rawId = new String(raw, 0, format.idLength(), StandardCharsets.ISO_8859_1);
        return new FrameHeader(offset, rawId, FrameIds.normalise(rawId, format.majorVersion()),
                format.size(raw), format.flags(raw), format);
    }

    private boolean v23() {
        return format.majorVersion() == 3;
    }

    private boolean v24() {
        return format.majorVersion() == 4;
    }

    /** v2.4 flag h, v2.3 flag k: a group identifier byte follows the header. */
    boolean grouped() {
        return v24() && (flags & 0x0040) != 0 || v23() && (flags & 0x0020) != 0;
    }

    /** v2.4 flag k, v2.3 flag i: the frame data is zlib-compressed. */
    boolean compressed() {
        return v24() && (flags & 0x0008) != 0 || v23() && (flags & 0x0080) != 0;
    }

    /** v2.4 flag m, v2.3 flag j: the frame is encrypted, by a method byte that follows the header. */
    boolean encrypted() {
        return v24() && (flags & 0x0004) != 0 || v23() && (flags & 0x0040) != 0;
    }

    /** v2.4 flag n, or the tag-wide reading of {@link FrameFormat#everyFrameUnsynchronised()}. */
    boolean unsynchronised() {
        return v24() && (flags & 0x0002) != 0 || format.everyFrameUnsynchronised();
    }

    /** v2.4 flag p: a four-byte synchsafe data length indicator follows the header. */
    boolean hasDataLength() {
        return v24() && (flags & 0x0001) != 0;
    }

    /**
     * Bytes between the header and the frame data, added "in the same order as the flags that indicate them"
     * (§4.1; id3v2.3.0 §3.3.1): v2.4 group id, encryption method, data length indicator; v2.3 decompressed size,
     * encryption method, group id.
     */
    int extraBytes() {
        if (v24()) {
            return (grouped() ? 1 : 0) + (encrypted() ? 1 : 0) + (hasDataLength() ? 4 : 0);
        }
        if (v23()) {
            return (compressed() ? 4 : 0) + (encrypted() ? 1 : 0) + (grouped() ? 1 : 0);
        }
        return 0;
    }

    String describe(FrameArea area) {
        StringBuilder s = new StringBuilder("frame ").append(rawId);
        if (!rawId.equals(id)) {
            s.append(" (").append(id).append(')');
        }
        s.append(' ').append(area.at(offset)).append(" size=").append(sizeBytes);
        if (flags != 0) {
            s.append(" flags=0x").append(String.format("%04x", flags));
        }
        if (grouped()) {
            s.append(" grouped");
        }
        if (compressed()) {
            s.append(" compressed");
        }
        if (encrypted()) {
            s.append(" encrypted");
        }
        if (unsynchronised()) {
            s.append(" unsynchronised");
        }
        if (hasDataLength()) {
            s.append(" data-length");
        }
        return s.toString();
    }
}
