package org.cyprus.media.wav;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * The {@code ds64} chunk of RF64 (EBU Tech 3306 §3.3) and BW64 (ITU-R BS.2088): 64-bit sizes for the chunks whose
 * 32-bit size fields hold 0xFFFFFFFF.
 *
 * @param riffSize    size of the whole form, less 8
 * @param dataSize    size of the data chunk
 * @param sampleCount samples per channel (the fact chunk's count, widened)
 * @param table       sizes of other chunks by identifier
 */
record Ds64(long riffSize, long dataSize, long sampleCount, Map<String, Long> table) {
    private static final int MAX_TABLE_ENTRIES = 256;

    static Ds64 parseDs64(ByteReader r) throws IOException, MediaException {
        long riff = le64(r);
        long data = le64(r);
        long samples = le64(r);
        Map<String, Long> table = new HashMap<>();
        if (r.remaining() >= 4) {
            long entries = Integer.toUnsignedLong(Integer.reverseBytes(r.s32()));
            for (long i = 0; i < entries && i < MAX_TABLE_ENTRIES && r.remaining() >= 12; i++) {
                table.put(r.fourCc(), le64(r));
            }
        }
        return new Ds64(riff, data, samples, Map.copyOf(table));
    }

    /** The 64-bit size of chunk {@code id}; 0xFFFFFFFF (still unknown) when ds64 does not give one. */
    long sizeOf(String id) {
        long size = id.equals("data") ? dataSize : table.getOrDefault(id, 0xFFFF_FFFFL);
        return size < 0 ? Long.MAX_VALUE : size;
    }

    private static long le64(ByteReader r) throws IOException, MediaException {
        return Long.reverseBytes(r.s64());
    }
}
