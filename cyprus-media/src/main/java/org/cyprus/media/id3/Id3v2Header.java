package org.cyprus.media.id3;

import java.io.IOException;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * The ten-byte header of an ID3v2 tag, or the footer of an appended ID3v2.4 tag (same layout, {@code 3DI}).
 *
 * @param offset       where the header starts in the file
 * @param majorVersion 2, 3 or 4 for ID3v2.2, v2.3, v2.4
 * @param revision     the revision byte
 * @param flags        the flags byte
 * @param sizeBytes    the tag's size after the header: extended header, frames and padding, without a footer
 */
record Id3v2Header(long offset, int majorVersion, int revision, int flags, int sizeBytes) {
    static final int BYTES = 10;

    /**
     * The header at {@code offset} if the bytes there look like one: {@code $49 44 33 yy yy xx zz zz zz zz} with
     * yy below $FF and every zz below $80 (id3v2.4.0-structure §3.1); {@code magic} is {@code ID3} or {@code 3DI}.
     */
    static Optional<Id3v2Header> read(ByteSource source, long offset, String magic) throws IOException {
        if (offset < 0 || source.size() - offset < BYTES) {
            return Optional.empty();
        }
        byte[] b;
        try {
            b = source.readBytes(offset, BYTES);
        } catch (MediaException e) {
            return Optional.empty();
        }
        if (b[0] != magic.charAt(0) || b[1] != magic.charAt(1) || b[2] != magic.charAt(2)
                || (b[3] & 0xFF) == 0xFF || (b[4] & 0xFF) == 0xFF || !Syncsafe.valid(b, 6)) {
            return Optional.empty();
        }
        return Optional.of(new Id3v2Header(offset, b[3] & 0xFF, b[4] & 0xFF, b[5] & 0xFF, Syncsafe.decode(b, 6)));
    }

    boolean supportedVersion() {
        return majorVersion >= 2 && majorVersion <= 4;
    }

    /** Flag a: unsynchronisation — of the whole tag up to v2.3, of every frame in v2.4 (§3.1, §6.1). */
    boolean unsynchronised() {
        return (flags & 0x80) != 0;
    }

    /** Flag b in v2.3/v2.4: an extended header follows (§3.2). */
    boolean extendedHeader() {
        return majorVersion >= 3 && (flags & 0x40) != 0;
    }

    /** Flag b in v2.2: compression, for which no scheme was ever defined; such a tag must be ignored (id3v2-00 §3.1). */
    boolean compressedV22() {
        return majorVersion == 2 && (flags & 0x40) != 0;
    }

    /** Flag c in v2.3/v2.4: the tag is experimental. */
    boolean experimental() {
        return majorVersion >= 3 && (flags & 0x20) != 0;
    }

    /** Flag d in v2.4: a ten-byte footer follows the tag (§3.4). */
    boolean hasFooter() {
        return majorVersion == 4 && (flags & 0x10) != 0;
    }

    /** Flags this version does not define; they must be clear. */
    int undefinedFlags() {
        return switch (majorVersion) {
            case 2 -> flags & 0x3F;
            case 3 -> flags & 0x1F;
            default -> flags & 0x0F;
        };
    }

    /** The whole tag's size: header, body and footer. */
    long totalBytes() {
        return BYTES + (long) sizeBytes + (hasFooter() ? BYTES : 0);
    }

    /** The offset just past the tag, as declared (it may lie past the end of the file). */
    long declaredEnd() {
        return offset + totalBytes();
    }

    String describe() {
        StringBuilder s = new StringBuilder("ID3v2." + majorVersion + "." + revision + " tag @" + offset
                + " size=" + sizeBytes + " flags=0x" + String.format("%02x", flags));
        if (unsynchronised()) {
            s.append(" unsynchronised");
        }
        if (extendedHeader()) {
            s.append(" extended-header");
        }
        if (experimental()) {
            s.append(" experimental");
        }
        if (hasFooter()) {
            s.append(" footer");
        }
        return s.toString();
    }
}
