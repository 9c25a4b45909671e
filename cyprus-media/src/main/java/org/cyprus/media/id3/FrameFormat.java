package org.cyprus.media.id3;

/**
 * How the frames of one tag are laid out: v2.2 has six-byte headers (three-character id, 24-bit size, no flags,
 * id3v2-00 §3.2), v2.3 ten-byte headers with plain 32-bit sizes (id3v2.3.0 §3.3), v2.4 ten-byte headers with
 * synchsafe sizes (id3v2.4.0-structure §4.1) — unless the tag was written with the well-known iTunes bug of plain
 * sizes in a v2.4 tag.
 *
 * @param majorVersion            2, 3 or 4
 * @param plainSizes              v2.4 only: frame sizes are plain integers, not synchsafe
 * @param everyFrameUnsynchronised every frame body is unsynchronised: in v2.4 the tag header's flag says so
 *                                 (§6.1); in v2.2/v2.3 it is how some writers misapplied the whole-tag scheme
 */
record FrameFormat(int majorVersion, boolean plainSizes, boolean everyFrameUnsynchronised) {

    int headerBytes() {
        return majorVersion == 2 ? 6 : 10;
    }

    int idLength() {
        return majorVersion == 2 ? 3 : 4;
    }

    /** The frame size field of the header in {@code raw}. */
    long size(byte[] raw) {
        return switch (majorVersion) {
            case 2 -> ((raw[3] & 0xFF) << 16) | ((raw[4] & 0xFF) << 8) | (raw[5] & 0xFF);
            case 3 -> Syncsafe.plain(raw, 4);
            default -> plainSizes ? Syncsafe.plain(raw, 4) : Syncsafe.decode(raw, 4);
        };
    }

    /** Whether the size field can be what it claims: synchsafe sizes have every top bit clear. */
    boolean sizeWellFormed(byte[] raw) {
        return majorVersion != 4 || plainSizes || Syncsafe.valid(raw, 4);
    }

    /** The two flag bytes of the header in {@code raw} (v2.2 has none). */
    int flags(byte[] raw) {
        return majorVersion == 2 ? 0 : ((raw[8] & 0xFF) << 8) | (raw[9] & 0xFF);
    }
}
