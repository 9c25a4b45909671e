package org.cyprus.media.mp3;

/**
 * Frame lengths for every combination of the header fields that determine one, precomputed from
 * {@link FrameHeader#frameBytes()} so that walking a stream costs one table look-up per frame.
 */
final class FrameSizeTable {
    /** Indexed by header bits 9..20: padding, sampling frequency, bitrate, protection, layer, version. */
    private static final char[] BYTES = new char[1 << 12];

    static {
        for (int index = 0; index < BYTES.length; index++) {
            int word = FrameHeader.SYNC_MASK | (index << 9);
            var header = FrameHeader.decode(word);
            if (header.isPresent() && !header.get().freeFormat()) {
                BYTES[index] = (char) header.get().frameBytes().getAsInt();
            }
        }
    }

    private FrameSizeTable() {
    }

    /** The length of the frame {@code word} heads; 0 for an invalid or free-format header (sync not checked). */
    static int frameBytes(int word) {
        return BYTES[(word >>> 9) & 0xFFF];
    }
}
