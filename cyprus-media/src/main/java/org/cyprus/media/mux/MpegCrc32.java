package org.cyprus.media.mux;

/**
 * The CRC that ends every MPEG-2 PSI section (ISO/IEC 13818-1 Annex A): polynomial 0x04C11DB7, register starting
 * at all ones, bits taken most significant first, no final inversion — so a whole section, CRC included, leaves 0.
 */
final class MpegCrc32 {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? crc << 1 ^ 0x04C11DB7 : crc << 1;
            }
            TABLE[i] = crc;
        }
    }

    private MpegCrc32() {
    }

    static int of(byte[] bytes, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = crc << 8 ^ TABLE[(crc >>> 24 ^ bytes[i]) & 0xFF];
        }
        return crc;
    }
}
