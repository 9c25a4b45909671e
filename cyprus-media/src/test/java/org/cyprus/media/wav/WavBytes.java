package org.cyprus.media.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds RIFF files byte by byte for the layouts no tool writes. */
final class WavBytes {
    private WavBytes() {
    }

    /** A chunk with its 8-byte header and, for an odd size, the pad byte. */
    static byte[] chunk(String id, byte[] body) {
        return chunk(id, body.length, body, true);
    }

    /** A chunk declaring {@code declaredSize}, whatever the body's real length; optionally without its pad byte. */
    static byte[] chunk(String id, long declaredSize, byte[] body, boolean pad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes());
        out.writeBytes(le32((int) declaredSize));
        out.writeBytes(body);
        if (pad && body.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A RIFF/WAVE file of {@code chunks} with a correct size field. */
    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes());
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        return chunk("RIFF", body.toByteArray());
    }

    /** A 16-byte WAVEFORMATEX body. */
    static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
