package org.cyprus.media.mp3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** MPEG audio frames made byte by byte: a header word followed by a payload of zeros, as long as the header says. */
final class CraftedFrames {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Appends {@code count} frames headed by {@code word} (which must not be free format). */
    CraftedFrames frames(int word, int count) {
        int bytes = new FrameHeader(word).frameBytes().orElseThrow();
        for (int i = 0; i < count; i++) {
            out.writeBytes(ByteBuffer.allocate(bytes).putInt(0, word).array());
        }
        return this;
    }

    /** Appends {@code count} free-format frames of {@code bytes} each. */
    CraftedFrames freeFrames(int word, int bytes, int count) {
        for (int i = 0; i < count; i++) {
            out.writeBytes(ByteBuffer.allocate(bytes).putInt(0, word).array());
        }
        return this;
    }

    CraftedFrames bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    CraftedFrames text(String text) {
        return bytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }
}
