package org.cyprus.media.id3;

import java.io.IOException;
import java.util.OptionalLong;
import org.cyprus.media.MediaException;

/** The optional extended header between an ID3v2.3/v2.4 tag header and its frames: read for its size only. */
final class ExtendedHeader {
    private ExtendedHeader() {
    }

    /** Where the frames start after the extended header at the start of {@code area}; empty when it is unreadable. */
    static OptionalLong parse(FrameArea area, int majorVersion, Diagnostics diag) throws IOException {
        long start = area.start();
        long available = area.end() - start;
        if (available < 6 || majorVersion == 3 && available < 10) {
            diag.warn("extended header at " + area.at(start) + " is cut off; the tag's frames are skipped");
            return OptionalLong.empty();
        }
        byte[] b;
        try {
            b = area.source().readBytes(start, (int) Math.min(10, available));
        } catch (MediaException e) {
            diag.warn("extended header at " + area.at(start) + " unreadable: " + e.getMessage());
            return OptionalLong.empty();
        }
        return majorVersion == 3 ? parseV23(area, b, available, diag) : parseV24(area, b, available, diag);
    }

    /**
     * id3v2.3.0 §3.2: size (4 bytes, excluding itself: 6, or 10 with a CRC), flags (2 bytes, bit 15 = CRC
     * present), size of padding (4 bytes), optional CRC-32. The frames follow.
     */
    private static OptionalLong parseV23(FrameArea area, byte[] b, long available, Diagnostics diag) {
        long size = Syncsafe.plain(b, 0);
        if (size < 6 || 4 + size > available) {
            diag.warn("extended header at " + area.at(area.start()) + " declares " + size
                    + " bytes; the tag's frames are skipped");
            return OptionalLong.empty();
        }
        int flags = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
        diag.line("extended header v2.3 " + area.at(area.start()) + " size=" + size + " flags=0x"
                + String.format("%04x", flags) + " padding=" + Syncsafe.plain(b, 6)
                + ((flags & 0x8000) != 0 ? " crc" : ""));
        return OptionalLong.of(area.start() + 4 + size);
    }

    /**
     * id3v2.4.0-structure §3.2: synchsafe size of the whole extended header (at least 6), number of flag bytes
     * (1), the flags (update, CRC, restrictions), each flag's data. The frames follow.
     */
    private static OptionalLong parseV24(FrameArea area, byte[] b, long available, Diagnostics diag) {
        int size = Syncsafe.decode(b, 0);
        if (!Syncsafe.valid(b, 0) || size < 6 || size > available) {
            diag.warn("extended header at " + area.at(area.start()) + " declares " + size
                    + " bytes; the tag's frames are skipped");
            return OptionalLong.empty();
        }
        int flags = b[5] & 0xFF;
        diag.line("extended header v2.4 " + area.at(area.start()) + " size=" + size + " flag-bytes=" + (b[4] & 0xFF)
                + " flags=0x" + String.format("%02x", flags) + ((flags & 0x40) != 0 ? " update" : "")
                + ((flags & 0x20) != 0 ? " crc" : "") + ((flags & 0x10) != 0 ? " restrictions" : ""));
        return OptionalLong.of(area.start() + size);
    }
}
