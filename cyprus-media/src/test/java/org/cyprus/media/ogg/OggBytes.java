package org.cyprus.media.ogg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds and edits Ogg pages in tests: crafted pages, new serial numbers, recomputed CRCs. */
final class OggBytes {
    private OggBytes() {
    }

    /** One page holding {@code packets}, each ended (none continued to a next page). */
    static byte[] page(int flags, long granule, int serial, int sequence, byte[]... packets) {
        ByteArrayOutputStream lacing = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            int left = packet.length;
            while (left >= 255) {
                lacing.write(255);
                left -= 255;
            }
            lacing.write(left);
            body.writeBytes(packet);
        }
        ByteBuffer page = ByteBuffer.allocate(27 + lacing.size() + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        page.put("OggS".getBytes()).put((byte) 0).put((byte) flags).putLong(granule).putInt(serial).putInt(sequence)
                .putInt(0).put((byte) lacing.size()).put(lacing.toByteArray()).put(body.toByteArray());
        byte[] bytes = page.array();
        fixCrcs(bytes);
        return bytes;
    }

    /** Offsets of the pages of a well-formed file, walking page after page from the start. */
    static List<Integer> pageOffsets(byte[] file) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        while (at + 27 <= file.length && file[at] == 'O' && file[at + 1] == 'g' && file[at + 2] == 'g' && file[at + 3] == 'S') {
            offsets.add(at);
            int segments = file[at + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments && at + 27 + i < file.length; i++) {
                body += file[at + 27 + i] & 0xFF;
            }
            at += 27 + segments + body;
        }
        return offsets;
    }

    /** A copy with every page's serial number set to {@code serial}, CRCs recomputed. */
    static byte[] withSerial(byte[] file, int serial) {
        byte[] copy = file.clone();
        for (int at : pageOffsets(copy)) {
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 14, serial);
        }
        fixCrcs(copy);
        return copy;
    }

    /** Recomputes the CRC of every page, after a test edited their contents. */
    static void fixCrcs(byte[] file) {
        List<Integer> offsets = pageOffsets(file);
        for (int i = 0; i < offsets.size(); i++) {
            int at = offsets.get(i);
            int end = i + 1 < offsets.size() ? offsets.get(i + 1) : file.length;
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(at + 22, 0);
            byte[] page = java.util.Arrays.copyOfRange(file, at, end);
            b.putInt(at + 22, OggCrc.update(0, page));
        }
    }
}
