package org.cyprus.media.mp3;

import java.util.List;
import java.util.Optional;

/**
 * The LAME tag after the Xing fields (LAME "Mp3 Info Tag" rev 1, also written by FFmpeg): a 9-byte encoder
 * version, then among others the encoder delay and padding (12 bits each, in samples) that gapless playback
 * removes, the length of the music and a CRC-16 of the frame up to the tag's own CRC field.
 *
 * @param encoder               the encoder version, e.g. {@code LAME3.100} or {@code Lavc59.37}
 * @param revision              the tag revision (upper nibble of byte 9)
 * @param vbrMethod             the VBR method (lower nibble of byte 9): 1 CBR, 2 ABR, 3–6 VBR, 8 CBR 2-pass …
 * @param lowpassHz             the low-pass filter frequency
 * @param encoderDelaySamples   samples the encoder added at the start
 * @param encoderPaddingSamples samples the encoder added at the end
 * @param musicLengthBytes      the stream's length from the Xing frame's start, as the encoder saw it
 * @param tagCrcValid           whether the tag's CRC matched (see {@link #parseLame})
 */
public record LameTag(String encoder, int revision, int vbrMethod, int lowpassHz, int encoderDelaySamples,
        int encoderPaddingSamples, long musicLengthBytes, boolean tagCrcValid) {
    static final int TAG_BYTES = 36;
    private static final int CRC_FIELD = 34;
    /** FFmpeg computes the CRC over the first 190 bytes, the span for MPEG-1 stereo, whatever the frame layout. */
    private static final int FFMPEG_CRC_SPAN = 190;

    /**
     * The LAME tag at {@code offset} of {@code frame}, if the encoder field starts with {@code LAME}, {@code Lavf}
     * or {@code Lavc}. The tag CRC (CRC-16/ARC over every frame byte before the CRC field) is checked; FFmpeg 5.1
     * always sums the first 190 bytes with the CRC field zeroed, which is accepted too. A mismatch is reported
     * as a warning but the fields are still used, as FFmpeg does.
     */
    static Optional<LameTag> parseLame(byte[] frame, int offset, long frameOffset, List<String> warnings) {
        if (offset < 0 || offset + TAG_BYTES > frame.length) {
            return Optional.empty();
        }
        String prefix = new String(frame, offset, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!prefix.equals("LAME") && !prefix.equals("Lavf") && !prefix.equals("Lavc")) {
            return Optional.empty();
        }
        int delayPadding = u8(frame, offset + 21) << 16 | u8(frame, offset + 22) << 8 | u8(frame, offset + 23);
        long musicLength = (long) u8(frame, offset + 28) << 24 | u8(frame, offset + 29) << 16
                | u8(frame, offset + 30) << 8 | u8(frame, offset + 31);
        int storedCrc = u8(frame, offset + CRC_FIELD) << 8 | u8(frame, offset + CRC_FIELD + 1);
        boolean crcValid = crc16(frame, 0, offset + CRC_FIELD, -1) == storedCrc
                || frame.length >= FFMPEG_CRC_SPAN && crc16(frame, 0, FFMPEG_CRC_SPAN, offset + CRC_FIELD) == storedCrc;
        if (!crcValid) {
            warnings.add("the LAME tag at offset " + frameOffset + " fails its CRC check; its delay and padding may be wrong");
        }
        return Optional.of(new LameTag(encoder(frame, offset), u8(frame, offset + 9) >>> 4, u8(frame, offset + 9) & 0xF,
                u8(frame, offset + 10) * 100, delayPadding >>> 12, delayPadding & 0xFFF, musicLength, crcValid));
    }

    private static String encoder(byte[] frame, int offset) {
        StringBuilder out = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            int c = u8(frame, offset + i);
            out.append(c >= 0x20 && c < 0x7F ? (char) c : ' ');
        }
        return out.toString().strip();
    }

    /** CRC-16/ARC (polynomial 0x8005 reflected, initial 0) over {@code [from, to)}, the two bytes at {@code zeroAt} (if not negative) read as 0. */
    static int crc16(byte[] bytes, int from, int to, int zeroAt) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            int b = zeroAt >= 0 && (i == zeroAt || i == zeroAt + 1) ? 0 : bytes[i] & 0xFF;
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }
}
