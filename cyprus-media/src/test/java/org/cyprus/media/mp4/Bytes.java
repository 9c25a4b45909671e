package org.cyprus.media.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds big-endian bytes and boxes by hand, for crafted test inputs. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Bytes of() {
        return new Bytes();
    }

    Bytes u8(int v) {
        out.write(v);
        return this;
    }

    Bytes u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    Bytes u24(int v) {
        return u8(v >>> 16).u16(v);
    }

    Bytes u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    Bytes u64(long v) {
        return u32(v >>> 32).u32(v);
    }

    /** Four Latin-1 characters, e.g. a box type such as {@code ©nam}. */
    Bytes fourCc(String code) {
        if (code.startsWith("0x") && code.length() == 10) {
            return u32(Long.parseLong(code.substring(2), 16));
        }
        return u32(BoxType.of(code) & 0xFFFFFFFFL);
    }

    Bytes utf8(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Bytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Bytes zeros(int n) {
        return bytes(new byte[n]);
    }

    byte[] array() {
        return out.toByteArray();
    }

    /** A box of {@code type} around {@code content} parts, with a 32-bit size. */
    static byte[] box(String type, byte[]... content) {
        Bytes body = of();
        for (byte[] part : content) {
            body.bytes(part);
        }
        byte[] b = body.array();
        return of().u32(8L + b.length).fourCc(type).bytes(b).array();
    }

    /** A full box: version and flags, then {@code content}. */
    static byte[] fullBox(String type, int version, int flags, byte[]... content) {
        byte[][] parts = new byte[content.length + 1][];
        parts[0] = of().u8(version).u24(flags).array();
        System.arraycopy(content, 0, parts, 1, content.length);
        return box(type, parts);
    }

    /** An iTunes {@code data} atom: type indicator, locale 0, payload. */
    static byte[] data(int type, byte[] payload) {
        return box("data", of().u32(type).u32(0).bytes(payload).array());
    }

    static byte[] text(String item, String value) {
        return box(item, data(1, value.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] freeform(String mean, String name, String value) {
        return box("----", fullBox("mean", 0, 0, of().utf8(mean).array()), fullBox("name", 0, 0, of().utf8(name).array()),
                data(1, value.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] concat(byte[]... parts) {
        Bytes b = of();
        for (byte[] part : parts) {
            b.bytes(part);
        }
        return b.array();
    }
}
