package org.cyprus.media.ogg;

import java.io.IOException;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * One Ogg page (RFC 3533 §6): a 27-byte header, a segment table of lacing values and the body they describe.
 * Fields are little-endian.
 *
 * @param offset          where the page starts in the file
 * @param flags           header type: 0x01 continued packet, 0x02 first page (BOS), 0x04 last page (EOS)
 * @param granulePosition codec-defined position at the end of the last packet completed on this page; -1 when
 *                        no packet ends here
 * @param serial          the logical stream the page belongs to
 * @param sequence        the page's number within its logical stream
 * @param lacing          segment table: packet lengths in runs of 255, a value below 255 ending a packet
 * @param body            the page's payload
 * @param crcValid        whether the stored CRC matches the page
 */
record OggPage(long offset, int flags, long granulePosition, int serial, long sequence, byte[] lacing, byte[] body,
        boolean crcValid) {
    static final int HEADER_BYTES = 27;
    /** Header, 255 lacing values of 255 bytes each. */
    static final int MAX_BYTES = HEADER_BYTES + 255 + 255 * 255;
    static final int CONTINUED = 0x01;
    static final int BOS = 0x02;
    static final int EOS = 0x04;

    /** Reads and checks the page at {@code offset}. */
    static OggPage readPage(ByteSource source, long offset) throws IOException, MediaException {
        byte[] header = source.readBytes(offset, HEADER_BYTES);
        if (!isCapturePattern(header, 0)) {
            throw new MediaException(MediaError.CORRUPT, "no Ogg page at offset " + offset);
        }
        if (header[4] != 0) {
            throw new MediaException(MediaError.CORRUPT, "Ogg page at offset " + offset + " has version " + header[4]);
        }
        byte[] lacing = source.readBytes(offset + HEADER_BYTES, header[26] & 0xFF);
        int bodyBytes = 0;
        for (byte value : lacing) {
            bodyBytes += value & 0xFF;
        }
        byte[] body = source.readBytes(offset + HEADER_BYTES + lacing.length, bodyBytes);
        int stored = le32(header, 22);
        header[22] = header[23] = header[24] = header[25] = 0;
        int crc = OggCrc.update(OggCrc.update(OggCrc.update(0, header), lacing), body);
        return new OggPage(offset, header[5] & 0xFF, le64(header, 6), le32(header, 14),
                Integer.toUnsignedLong(le32(header, 18)), lacing, body, crc == stored);
    }

    static boolean isCapturePattern(byte[] bytes, int at) {
        return at + 4 <= bytes.length && bytes[at] == 'O' && bytes[at + 1] == 'g' && bytes[at + 2] == 'g'
                && bytes[at + 3] == 'S';
    }

    boolean bos() {
        return (flags & BOS) != 0;
    }

    boolean eos() {
        return (flags & EOS) != 0;
    }

    boolean continued() {
        return (flags & CONTINUED) != 0;
    }

    long endOffset() {
        return offset + HEADER_BYTES + lacing.length + body.length;
    }

    /** One line for golden dumps. */
    String describe() {
        return "page @" + offset + " serial " + Integer.toHexString(serial) + " seq " + sequence + " flags "
                + (bos() ? "B" : "-") + (continued() ? "C" : "-") + (eos() ? "E" : "-") + " granule " + granulePosition
                + ", " + lacing.length + " segments, " + body.length + " body bytes" + (crcValid ? "" : ", CRC MISMATCH");
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static long le64(byte[] b, int at) {
        return Integer.toUnsignedLong(le32(b, at)) | (long) le32(b, at + 4) << 32;
    }
}
