package org.cyprus.media.mux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A big-endian byte writer for ISO/IEC 14496-12 boxes: {@link #begin} writes a box header with a size to be filled
 * in, {@link #end} fills it in. Writers that know their exact size ask for it up front and get that very array
 * back from {@link #toArray()}; others let the buffer grow and pay one trimming copy.
 */
final class BoxBuffer {
    private byte[] bytes;
    private int position;

    BoxBuffer(int capacityBytes) {
        this.bytes = new byte[capacityBytes];
    }

    int position() {
        return position;
    }

    /** Starts a box of {@code type}: a 32-bit size, patched by {@link #end}, and the four-character type. */
    int begin(String type) {
        int start = position;
        u32(0);
        fourCc(type);
        return start;
    }

    /** Starts a full box (§4.2): the box header, then an 8-bit version and 24-bit flags. */
    int beginFull(String type, int version, int flags) {
        int start = begin(type);
        u8(version);
        u24(flags);
        return start;
    }

    /** Ends the box begun at {@code start}, writing its size. */
    void end(int start) {
        int size = position - start;
        bytes[start] = (byte) (size >>> 24);
        bytes[start + 1] = (byte) (size >>> 16);
        bytes[start + 2] = (byte) (size >>> 8);
        bytes[start + 3] = (byte) size;
    }

    void u8(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    void u16(int value) {
        ensure(2);
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) value;
    }

    void u24(int value) {
        ensure(3);
        bytes[position++] = (byte) (value >>> 16);
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) value;
    }

    void u32(long value) {
        ensure(4);
        bytes[position++] = (byte) (value >>> 24);
        bytes[position++] = (byte) (value >>> 16);
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) value;
    }

    void u64(long value) {
        u32(value >>> 32);
        u32(value);
    }

    void fourCc(String type) {
        byte[] ascii = type.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("not a four-character code: " + type);
        }
        bytes(ascii, 0, 4);
    }

    void zeros(int count) {
        ensure(count);
        position += count;
    }

    void bytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    /** The bytes written: the buffer itself when it is exactly full, else a trimmed copy. */
    byte[] toArray() {
        return position == bytes.length ? bytes : Arrays.copyOf(bytes, position);
    }

    private void ensure(int count) {
        if (count > bytes.length - position) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + count));
        }
    }
}
