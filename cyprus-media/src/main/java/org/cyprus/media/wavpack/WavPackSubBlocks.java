package org.cyprus.media.wavpack;

/**
 * The metadata sub-blocks after a block header (WavPack file format §3.0): a one-byte id (0x80: 24-bit size
 * follows, 0x40: the last byte is padding, low six bits: the function), a size in 16-bit words, the data.
 * Only the two that change how the header is read are looked for.
 */
final class WavPackSubBlocks {
    static final int ID_DSD_BLOCK = 0x0E;
    static final int ID_SAMPLE_RATE = 0x27;
    private static final int ID_UNIQUE = 0x3F;
    private static final int ID_ODD_SIZE = 0x40;
    private static final int ID_LARGE = 0x80;

    private WavPackSubBlocks() {
    }

    /** The data of the first sub-block with function {@code id} in {@code block} (header included), or null. */
    static byte[] find(byte[] block, int id) {
        int at = WavPackBlockHeader.BYTES;
        while (at + 2 <= block.length) {
            int header = block[at] & 0xFF;
            long words = block[at + 1] & 0xFF;
            at += 2;
            if ((header & ID_LARGE) != 0) {
                if (at + 2 > block.length) {
                    return null;
                }
                words |= (block[at] & 0xFFL) << 8 | (block[at + 1] & 0xFFL) << 16;
                at += 2;
            }
            long bytes = words * 2;
            if (at + bytes > block.length) {
                return null;
            }
            if ((header & ID_UNIQUE) == id) {
                int length = (int) bytes - ((header & ID_ODD_SIZE) != 0 && bytes > 0 ? 1 : 0);
                return java.util.Arrays.copyOfRange(block, at, at + length);
            }
            at += (int) bytes;
        }
        return null;
    }

    /** A non-standard rate from ID_SAMPLE_RATE: 3 or 4 bytes little-endian, the top bit of a fourth ignored. */
    static int sampleRate(byte[] block) {
        byte[] data = find(block, ID_SAMPLE_RATE);
        if (data == null || data.length < 3) {
            return 0;
        }
        int rate = (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16;
        return data.length >= 4 ? rate | (data[3] & 0x7F) << 24 : rate;
    }

    /** The DSD rate shift from ID_DSD_BLOCK: the header's rate shifted left by it gives bytes per second. */
    static int dsdRateShift(byte[] block) {
        byte[] data = find(block, ID_DSD_BLOCK);
        return data == null || data.length == 0 || (data[0] & 0xFF) > 31 ? 0 : data[0] & 0xFF;
    }
}
