package org.cyprus.media.adts;

import java.util.OptionalInt;

/**
 * The channel count of a {@code program_config_element} (ISO/IEC 14496-3 §4.4.1.1, Table 4.2),
 * which gives the channels when an ADTS header's channel configuration is 0. Only a PCE at the very start of the
 * first raw data block is read: decoding up to a later one would mean decoding audio.
 */
final class ProgramConfig {
    private static final int ID_PCE = 5;

    private ProgramConfig() {
    }

    /** The channels a PCE opening {@code block} declares; empty when the block does not start with one. */
    static OptionalInt channels(byte[] block) {
        Bits bits = new Bits(block);
        if (bits.read(3) != ID_PCE) {
            return OptionalInt.empty();
        }
        bits.read(4 + 2 + 4); // element_instance_tag, object_type, sampling_frequency_index
        int front = bits.read(4);
        int side = bits.read(4);
        int back = bits.read(4);
        int lfe = bits.read(2);
        bits.read(3 + 4); // num_assoc_data_elements, num_valid_cc_elements
        for (int i = 0; i < 3; i++) {
            if (bits.read(1) == 1) { // mono, stereo and matrix mixdown: present flag, then 4, 4 and 3 bits
                bits.read(i == 2 ? 3 : 4);
            }
        }
        int channels = lfe;
        for (int i = 0; i < front + side + back; i++) {
            channels += bits.read(1) == 1 ? 2 : 1; // is_cpe, then element_tag_select
            bits.read(4);
        }
        return bits.overrun() || channels == 0 ? OptionalInt.empty() : OptionalInt.of(channels);
    }

    /** A most-significant-bit-first reader that reads zeros past the end and remembers having done so. */
    private static final class Bits {
        private final byte[] bytes;
        private long position;

        Bits(byte[] bytes) {
            this.bytes = bytes;
        }

        int read(int count) {
            int value = 0;
            for (int i = 0; i < count; i++, position++) {
                int index = (int) (position >>> 3);
                int bit = index < bytes.length ? (bytes[index] >>> (7 - (position & 7))) & 1 : 0;
                value = (value << 1) | bit;
            }
            return value;
        }

        boolean overrun() {
            return position > 8L * bytes.length;
        }
    }
}
