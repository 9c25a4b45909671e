package org.cyprus.stream;

/**
 * A run of bytes of a representation, both ends inclusive, as a {@code Content-Range} names it (RFC 9110 §14.4).
 *
 * @param firstByte offset of the first byte
 * @param lastByte  offset of the last byte, at least {@code firstByte}
 */
public record ByteRange(long firstByte, long lastByte) {
    public ByteRange {
        if (firstByte < 0 || lastByte < firstByte) {
            throw new IllegalArgumentException("not a byte range: " + firstByte + "-" + lastByte);
        }
    }

    public long lengthBytes() {
        return lastByte - firstByte + 1;
    }

    /** Whether this range and {@code other} share a byte or touch end to end, so one range can hold both. */
    boolean overlapsOrAdjoins(ByteRange other) {
        return firstByte <= saturatedNext(other.lastByte) && other.firstByte <= saturatedNext(lastByte);
    }

    boolean overlaps(ByteRange other) {
        return firstByte <= other.lastByte && other.firstByte <= lastByte;
    }

    /** The smallest range holding both. */
    ByteRange span(ByteRange other) {
        return new ByteRange(Math.min(firstByte, other.firstByte), Math.max(lastByte, other.lastByte));
    }

    /** The {@code Content-Range} value of this range of a representation of {@code completeLengthBytes} (RFC 9110 §14.4). */
    public String contentRange(long completeLengthBytes) {
        return "bytes " + firstByte + "-" + lastByte + "/" + completeLengthBytes;
    }

    private static long saturatedNext(long n) {
        return n == Long.MAX_VALUE ? n : n + 1;
    }
}
