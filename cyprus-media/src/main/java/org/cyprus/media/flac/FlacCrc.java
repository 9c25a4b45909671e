package org.cyprus.media.flac;

/**
 * The two checksums of FLAC frames (RFC 9639 §9.1.8 and §9.3): CRC-8 over the frame header (polynomial 0x07)
 * and CRC-16 over the whole frame (polynomial 0x8005), both most significant bit first, initialised with 0.
 */
final class FlacCrc {
    private static final int[] CRC8 = new int[256];
    private static final int[] CRC16 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c8 = i;
            int c16 = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ 0x07 : c8 << 1;
                c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ 0x8005 : c16 << 1;
            }
            CRC8[i] = c8 & 0xFF;
            CRC16[i] = c16 & 0xFFFF;
        }
    }

    private FlacCrc() {
    }

    static int crc8(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC8[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** Continues a CRC-16 with one more byte. */
    static int crc16(int crc, byte b) {
        return ((crc << 8) ^ CRC16[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
    }
}
