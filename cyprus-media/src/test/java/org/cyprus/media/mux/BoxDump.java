package org.cyprus.media.mux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;

/**
 * A text dump of an ISO BMFF byte string, written for review independently of the writer: every box with its offset
 * and size, and the fields of the boxes fMP4 audio segments are made of, decoded from the bytes.
 */
final class BoxDump {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "dinf", "stbl", "mvex",
            "moof", "traf");
    private static final int SAMPLE_LINES = 8;

    private final ByteBuffer bytes;
    private final StringBuilder out = new StringBuilder();

    private BoxDump(byte[] bytes) {
        this.bytes = ByteBuffer.wrap(bytes);
    }

    static String of(byte[] bytes) {
        BoxDump dump = new BoxDump(bytes);
        dump.boxes(0, bytes.length, 0);
        return dump.out.toString();
    }

    private void boxes(int from, int to, int depth) {
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                line(depth, "! %d stray bytes", to - at);
                return;
            }
            int size = bytes.getInt(at);
            String type = fourCc(at + 4);
            if (size < 8 || at + size > to) {
                line(depth, "! %s @%d claims %d bytes, %d remain", type, at, size, to - at);
                return;
            }
            line(depth, "%s @%d size=%d%s", type, at, size, fields(type, at + 8, at + size));
            if (CONTAINERS.contains(type)) {
                boxes(at + 8, at + size, depth + 1);
            } else if (type.equals("stsd") || type.equals("dref")) {
                boxes(at + 16, at + size, depth + 1);
            } else if (type.equals("mp4a")) {
                boxes(at + 36, at + size, depth + 1);
            } else if (type.equals("trun")) {
                samples(at + 8, depth + 1);
            }
            at += size;
        }
    }

    private String fields(String type, int at, int end) {
        int version = bytes.get(at) & 0xFF;
        int flags = bytes.getInt(at) & 0xFFFFFF;
        String full = " v" + version + " flags=0x" + Integer.toHexString(flags);
        return switch (type) {
            case "ftyp", "styp" -> {
                StringBuilder brands = new StringBuilder(" major=" + fourCc(at) + " minor=" + u32(at + 4) + " compatible=");
                for (int b = at + 8; b < end; b += 4) {
                    brands.append('[').append(fourCc(b)).append(']');
                }
                yield brands.toString();
            }
            case "mvhd" -> full + " timescale=" + u32(at + 12) + " duration=" + u32(at + 16) + " rate=0x"
                    + Long.toHexString(u32(at + 20)) + " volume=0x" + Integer.toHexString(u16(at + 24))
                    + " matrix=" + matrix(at + 36) + " nextTrackId=" + u32(at + 96);
            case "tkhd" -> full + " trackId=" + u32(at + 12) + " duration=" + u32(at + 20) + " layer=" + u16(at + 32)
                    + " alternateGroup=" + u16(at + 34) + " volume=0x" + Integer.toHexString(u16(at + 36))
                    + " matrix=" + matrix(at + 40) + " width=" + u32(at + 76) + " height=" + u32(at + 80);
            case "mdhd" -> full + " timescale=" + u32(at + 12) + " duration=" + u32(at + 16) + " language="
                    + language(u16(at + 20));
            case "hdlr" -> full + " handler=" + fourCc(at + 8) + " name=\""
                    + new String(bytes.array(), at + 24, end - at - 24, StandardCharsets.US_ASCII).replace("\0", "\\0")
                    + "\"";
            case "smhd" -> full + " balance=" + u16(at + 4);
            case "dref", "stsd", "stts", "stsc", "stco" -> full + " entries=" + u32(at + 4);
            case "url " -> full;
            case "stsz" -> full + " sampleSize=" + u32(at + 4) + " sampleCount=" + u32(at + 8);
            case "mp4a" -> " dataReferenceIndex=" + u16(at + 6) + " channels=" + u16(at + 16) + " sampleSize="
                    + u16(at + 18) + " sampleRate=" + (u32(at + 24) >>> 16) + "." + (u32(at + 24) & 0xFFFF);
            case "esds" -> full + " " + EsdsDump.of(bytes.array(), at + 4, end);
            case "trex" -> full + " trackId=" + u32(at + 4) + " sampleDescription=" + u32(at + 8) + " duration="
                    + u32(at + 12) + " size=" + u32(at + 16) + " sampleFlags=0x" + Long.toHexString(u32(at + 20));
            case "mfhd" -> full + " sequence=" + u32(at + 4);
            case "tfhd" -> {
                StringBuilder s = new StringBuilder(full + " trackId=" + u32(at + 4));
                int field = at + 8;
                if ((flags & 0x1) != 0) {
                    s.append(" baseDataOffset=").append(bytes.getLong(field));
                    field += 8;
                }
                if ((flags & 0x2) != 0) {
                    s.append(" sampleDescription=").append(u32(field));
                    field += 4;
                }
                if ((flags & 0x8) != 0) {
                    s.append(" defaultDuration=").append(u32(field));
                    field += 4;
                }
                if ((flags & 0x10) != 0) {
                    s.append(" defaultSize=").append(u32(field));
                }
                yield s.toString();
            }
            case "tfdt" -> full + " baseMediaDecodeTime=" + (version == 1 ? bytes.getLong(at + 4) : u32(at + 4));
            case "trun" -> full + " samples=" + u32(at + 4) + ((flags & 1) != 0 ? " dataOffset=" + bytes.getInt(at + 8) : "");
            case "mdat" -> " payload=" + (end - at) + " bytes, first "
                    + HexFormat.of().formatHex(bytes.array(), at, Math.min(end, at + 8));
            default -> "";
        };
    }

    private void samples(int at, int depth) {
        int flags = bytes.getInt(at) & 0xFFFFFF;
        long count = u32(at + 4);
        int field = at + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 4 : 0);
        if ((flags & 0x300) == 0) {
            line(depth, "(every sample has the tfhd's default duration and size)");
            return;
        }
        for (long i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder("sample " + i + ":");
            if ((flags & 0x100) != 0) {
                s.append(" duration=").append(u32(field));
                field += 4;
            }
            if ((flags & 0x200) != 0) {
                s.append(" size=").append(u32(field));
                field += 4;
            }
            if (i < SAMPLE_LINES) {
                line(depth, "%s", s);
            }
        }
        if (count > SAMPLE_LINES) {
            line(depth, "... %d more", count - SAMPLE_LINES);
        }
    }

    private String matrix(int at) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 9; i++) {
            s.append(i == 0 ? "" : ",").append(Long.toHexString(u32(at + 4 * i)));
        }
        return s.append(']').toString();
    }

    private static String language(int packed) {
        return "" + (char) ((packed >>> 10 & 0x1F) + 0x60) + (char) ((packed >>> 5 & 0x1F) + 0x60)
                + (char) ((packed & 0x1F) + 0x60);
    }

    private String fourCc(int at) {
        return new String(bytes.array(), at, 4, StandardCharsets.ISO_8859_1);
    }

    private long u32(int at) {
        return bytes.getInt(at) & 0xFFFFFFFFL;
    }

    private int u16(int at) {
        return bytes.getShort(at) & 0xFFFF;
    }

    private void line(int depth, String format, Object... args) {
        out.append("  ".repeat(depth)).append(String.format(format, args)).append('\n');
    }
}
