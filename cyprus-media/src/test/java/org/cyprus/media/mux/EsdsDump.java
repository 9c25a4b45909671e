package org.cyprus.media.mux;

import java.util.HexFormat;

/** The descriptors inside an {@code esds} box (ISO/IEC 14496-1 §7.2.6), decoded for a dump. */
final class EsdsDump {
    private EsdsDump() {
    }

    static String of(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder();
        descriptors(bytes, from, to, out);
        return out.toString().strip();
    }

    private static void descriptors(byte[] bytes, int from, int to, StringBuilder out) {
        int at = from;
        while (at < to) {
            int tag = bytes[at++] & 0xFF;
            int length = 0;
            int b;
            do {
                b = bytes[at++] & 0xFF;
                length = length << 7 | b & 0x7F;
            } while ((b & 0x80) != 0);
            int end = at + length;
            switch (tag) {
                case 0x03 -> {
                    out.append("ES_Descriptor(").append(length).append(") ES_ID=").append(u16(bytes, at))
                            .append(" flags=").append(bytes[at + 2] & 0xFF).append(' ');
                    descriptors(bytes, at + 3, end, out);
                }
                case 0x04 -> {
                    out.append("DecoderConfig(").append(length).append(") objectType=0x")
                            .append(Integer.toHexString(bytes[at] & 0xFF)).append(" streamType=")
                            .append((bytes[at + 1] & 0xFF) >>> 2).append(" upStream=").append((bytes[at + 1] >>> 1) & 1)
                            .append(" reserved=").append(bytes[at + 1] & 1).append(" bufferSizeDB=")
                            .append(u16(bytes, at + 2) << 8 | bytes[at + 4] & 0xFF).append(" maxBitrate=")
                            .append(u32(bytes, at + 5)).append(" avgBitrate=").append(u32(bytes, at + 9)).append(' ');
                    descriptors(bytes, at + 13, end, out);
                }
                case 0x05 -> out.append("DecoderSpecificInfo(").append(length).append(")=")
                        .append(HexFormat.of().formatHex(bytes, at, end)).append(' ');
                case 0x06 -> out.append("SLConfig(").append(length).append(") predefined=").append(bytes[at] & 0xFF)
                        .append(' ');
                default -> out.append("tag 0x").append(Integer.toHexString(tag)).append('(').append(length).append(") ");
            }
            at = end;
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }
}
