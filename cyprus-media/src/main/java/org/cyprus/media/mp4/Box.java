package org.cyprus.media.mp4;

/**
 * One box (atom) of an ISO base media file: where it starts, how long it is and how long its header is
 * (ISO/IEC 14496-12 §4.2: 8 bytes, 16 with a 64-bit {@code largesize}, 16 more for a {@code uuid} user type).
 *
 * @param type        the four-character code, see {@link BoxType}
 * @param offset      offset of the box's first byte in the file
 * @param sizeBytes   size including the header, as far as the file or the parent actually holds it
 * @param headerBytes size of the header; the content starts at {@code offset + headerBytes}
 * @param truncated   whether the box declared more bytes than its parent or the file holds (clamped to what is there)
 */
public record Box(int type, long offset, long sizeBytes, int headerBytes, boolean truncated) {

    public Box {
        if (offset < 0 || headerBytes < 8 || sizeBytes < headerBytes) {
            throw new IllegalArgumentException("box at " + offset + ": size " + sizeBytes + ", header " + headerBytes);
        }
    }

    /** Offset of the first content byte, just past the header. */
    public long contentOffset() {
        return offset + headerBytes;
    }

    /** Number of content bytes. */
    public long contentBytes() {
        return sizeBytes - headerBytes;
    }

    /** Offset just past the box. */
    public long end() {
        return offset + sizeBytes;
    }

    /** The box type's printable name, e.g. {@code moov}. */
    public String name() {
        return BoxType.name(type);
    }

    @Override
    public String toString() {
        return name() + "@" + offset + "+" + sizeBytes + (truncated ? " (truncated)" : "");
    }
}
