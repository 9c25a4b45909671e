package org.cyprus.media.ogg;

/**
 * The Ogg page checksum (RFC 3533 §6): CRC-32 with generator polynomial 0x04C11DB7, most significant bit first,
 * initial value and final XOR 0, computed over the page with its CRC field set to zero.
 */
final class OggCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = c < 0 ? (c << 1) ^ 0x04C1_1DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private OggCrc() {
    }

    static int update(int crc, byte[] bytes) {
        for (byte b : bytes) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xFF];
        }
        return crc;
    }
}
