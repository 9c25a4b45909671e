package org.cyprus.media.id3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

/** Crafts ID3v2 tags, frames and trailers byte by byte, for edge cases no tool writes on demand. */
final class TagBytes {
    static final int LATIN1 = 0;
    static final int UTF16 = 1;
    static final int UTF16BE = 2;
    static final int UTF8 = 3;

    private TagBytes() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] syncsafe(int value) {
        return bytes(value >>> 21 & 0x7F, value >>> 14 & 0x7F, value >>> 7 & 0x7F, value & 0x7F);
    }

    static byte[] be32(long value) {
        return bytes((int) (value >>> 24), (int) (value >>> 16), (int) (value >>> 8), (int) value);
    }

    static byte[] le32(long value) {
        return bytes((int) value, (int) (value >>> 8), (int) (value >>> 16), (int) (value >>> 24));
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code s} in {@code encoding} (UTF-16 with a little-endian BOM), without terminator. */
    static byte[] encoded(int encoding, String s) {
        return switch (encoding) {
            case LATIN1 -> latin1(s);
            case UTF16 -> concat(bytes(0xFF, 0xFE), s.getBytes(StandardCharsets.UTF_16LE));
            case UTF16BE -> s.getBytes(StandardCharsets.UTF_16BE);
            default -> s.getBytes(StandardCharsets.UTF_8);
        };
    }

    static byte[] terminator(int encoding) {
        return encoding == UTF16 || encoding == UTF16BE ? new byte[2] : new byte[1];
    }

    /** Values joined by terminators, without a final one. */
    static byte[] strings(int encoding, String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.writeBytes(terminator(encoding));
            }
            out.writeBytes(encoded(encoding, values[i]));
        }
        return out.toByteArray();
    }

    static byte[] textBody(int encoding, String... values) {
        return concat(bytes(encoding), strings(encoding, values));
    }

    static byte[] txxxBody(int encoding, String description, String... values) {
        return concat(bytes(encoding), encoded(encoding, description), terminator(encoding), strings(encoding, values));
    }

    static byte[] commBody(int encoding, String language, String description, String text) {
        return concat(bytes(encoding), latin1(language), encoded(encoding, description), terminator(encoding),
                encoded(encoding, text));
    }

    static byte[] apicBody(int encoding, String mime, int type, String description, byte[] data) {
        return concat(bytes(encoding), latin1(mime), bytes(0), bytes(type), encoded(encoding, description),
                terminator(encoding), data);
    }

    /** v2.2 {@code PIC}: image format of three characters instead of a MIME type. */
    static byte[] picBody(String format, int type, String description, byte[] data) {
        return concat(bytes(LATIN1), latin1(format), bytes(type), latin1(description), bytes(0), data);
    }

    static byte[] chapBody(String elementId, long startMs, long endMs, byte[]... subFrames) {
        return concat(latin1(elementId), bytes(0), be32(startMs), be32(endMs), be32(0xFFFFFFFFL),
                be32(0xFFFFFFFFL), concat(subFrames));
    }

    static byte[] ctocBody(String elementId, boolean topLevel, boolean ordered, List<String> children,
            byte[]... subFrames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin1(elementId));
        out.write(0);
        out.write((topLevel ? 2 : 0) | (ordered ? 1 : 0));
        out.write(children.size());
        for (String child : children) {
            out.writeBytes(latin1(child));
            out.write(0);
        }
        out.writeBytes(concat(subFrames));
        return out.toByteArray();
    }

    /** A frame of {@code version} (2, 3 or 4) without flags. */
    static byte[] frame(int version, String id, byte[] body) {
        return frame(version, id, 0, body);
    }

    /** A frame whose stored body (extras, unsynchronisation, compression already applied) is {@code body}. */
    static byte[] frame(int version, String id, int flags, byte[] body) {
        return switch (version) {
            case 2 -> concat(latin1(id), bytes(body.length >>> 16, body.length >>> 8, body.length), body);
            case 3 -> concat(latin1(id), be32(body.length), bytes(flags >>> 8, flags), body);
            default -> concat(latin1(id), syncsafe(body.length), bytes(flags >>> 8, flags), body);
        };
    }

    /** A v2.4 frame with a plain (not synchsafe) size, as iTunes wrote them. */
    static byte[] framePlainSize(String id, byte[] body) {
        return concat(latin1(id), be32(body.length), bytes(0, 0), body);
    }

    /** An ID3v2 tag: header with {@code body}'s length as synchsafe size, then the body. */
    static byte[] tag(int version, int flags, byte[]... body) {
        byte[] content = concat(body);
        return concat(latin1("ID3"), bytes(version, 0, flags), syncsafe(content.length), content);
    }

    /** A v2.4 tag with a footer (flag 0x10) after its body. */
    static byte[] tagWithFooter(int flags, byte[]... body) {
        byte[] content = concat(body);
        byte[] size = syncsafe(content.length);
        return concat(latin1("ID3"), bytes(4, 0, flags | 0x10), size, content,
                latin1("3DI"), bytes(4, 0, flags | 0x10), size);
    }

    /** The unsynchronisation scheme: $00 after every $FF followed by %111xxxxx or $00, and after a final $FF. */
    static byte[] unsynchronise(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            out.write(b[i]);
            if ((b[i] & 0xFF) == 0xFF && (i + 1 == b.length || (b[i + 1] & 0xE0) == 0xE0 || b[i + 1] == 0)) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    static byte[] zlib(byte[] b) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(b);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A 128-byte ID3v1 tag; {@code track} above zero makes it v1.1. */
    static byte[] id3v1(String title, String artist, String album, String year, String comment, int track,
            int genre) {
        byte[] tag = new byte[128];
        System.arraycopy(latin1("TAG"), 0, tag, 0, 3);
        put(tag, 3, 30, title);
        put(tag, 33, 30, artist);
        put(tag, 63, 30, album);
        put(tag, 93, 4, year);
        put(tag, 97, track > 0 ? 28 : 30, comment);
        if (track > 0) {
            tag[126] = (byte) track;
        }
        tag[127] = (byte) genre;
        return tag;
    }

    /** The 227-byte enhanced tag {@code TAG+} that precedes an ID3v1 tag. */
    static byte[] enhancedTag(String title, String artist, String album, String genre) {
        byte[] tag = new byte[227];
        System.arraycopy(latin1("TAG+"), 0, tag, 0, 4);
        put(tag, 4, 60, title);
        put(tag, 64, 60, artist);
        put(tag, 124, 60, album);
        put(tag, 185, 30, genre);
        return tag;
    }

    private static void put(byte[] tag, int offset, int length, String value) {
        byte[] b = latin1(value);
        System.arraycopy(b, 0, tag, offset, Math.min(length, b.length));
    }

    /** One APE item: value size, flags (type in bits 1–2), key, NUL, value. */
    static byte[] apeItem(String key, int type, byte[] value) {
        return concat(le32(value.length), le32(type << 1), latin1(key), bytes(0), value);
    }

    static byte[] apeText(String key, String value) {
        return apeItem(key, 0, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An APEv2 tag (version 2000) with the given items, with or without a header. */
    static byte[] ape(boolean withHeader, byte[]... items) {
        byte[] body = concat(items);
        long size = body.length + 32L;
        byte[] footer = apeBlock(size, items.length, (withHeader ? 0x8000_0000L : 0));
        byte[] header = withHeader ? apeBlock(size, items.length, 0x8000_0000L | 0x2000_0000L) : new byte[0];
        return concat(header, body, footer);
    }

    static byte[] apeBlock(long size, long count, long flags) {
        return concat(latin1("APETAGEX"), le32(2000), le32(size), le32(count), le32(flags), new byte[8]);
    }

    /** A Lyrics3 v2.00 block with fields given as id, value pairs. */
    static byte[] lyrics3(String... idValuePairs) {
        StringBuilder s = new StringBuilder("LYRICSBEGIN");
        for (int i = 0; i + 1 < idValuePairs.length; i += 2) {
            s.append(idValuePairs[i]).append(String.format("%05d", idValuePairs[i + 1].length()))
                    .append(idValuePairs[i + 1]);
        }
        return latin1(s + String.format("%06d", s.length()) + "LYRICS200");
    }

    /** Stand-in audio: MPEG frame-like bytes that contain no tag magic. */
    static byte[] audio(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 417 == 0 ? 0xFF : i % 417 == 1 ? 0xFB : 0x55);
        }
        return b;
    }

    /** A fake JPEG: the JPEG magic, then seeded random bytes, many of them $FF (to exercise unsynchronisation). */
    static byte[] jpeg(int length, long seed) {
        byte[] b = new byte[length];
        Random random = new Random(seed);
        random.nextBytes(b);
        for (int i = 4; i < length; i += 7) {
            b[i] = (byte) 0xFF;
        }
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    /** A fake PNG: the PNG signature, then seeded random bytes. */
    static byte[] png(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        System.arraycopy(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), 0, b, 0, 8);
        return b;
    }
}
