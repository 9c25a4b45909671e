package org.cyprus.media.mux;

import java.util.HexFormat;

/**
 * A text dump of an MPEG transport stream (ISO/IEC 13818-1), written for review independently of the writer: each
 * packet's header and adaptation field, the PAT and PMT decoded with their CRC checked, and each PES header.
 */
final class TsDump {
    private TsDump() {
    }

    static String of(byte[] ts) {
        StringBuilder out = new StringBuilder();
        if (ts.length % 188 != 0) {
            out.append("! ").append(ts.length % 188).append(" bytes past the last whole packet\n");
        }
        for (int p = 0; (p + 1) * 188 <= ts.length; p++) {
            int at = p * 188;
            int pid = (ts[at + 1] & 0x1F) << 8 | ts[at + 2] & 0xFF;
            boolean start = (ts[at + 1] & 0x40) != 0;
            int control = (ts[at + 3] >>> 4) & 3;
            out.append(String.format("#%d sync=0x%02x pid=0x%04x start=%s cc=%d", p, ts[at] & 0xFF, pid, start ? 1 : 0,
                    ts[at + 3] & 0xF));
            int payload = at + 4;
            if ((control & 2) != 0) {
                int length = ts[at + 4] & 0xFF;
                out.append(" af=").append(length);
                if (length > 0) {
                    int flags = ts[at + 5] & 0xFF;
                    out.append(String.format(" flags=0x%02x", flags));
                    if ((flags & 0x10) != 0) {
                        long base = (ts[at + 6] & 0xFFL) << 25 | (ts[at + 7] & 0xFFL) << 17 | (ts[at + 8] & 0xFFL) << 9
                                | (ts[at + 9] & 0xFFL) << 1 | (ts[at + 10] & 0xFF) >>> 7;
                        int extension = (ts[at + 10] & 1) << 8 | ts[at + 11] & 0xFF;
                        out.append(" pcr=").append(base).append('+').append(extension).append(String.format(
                                " reserved=0x%02x", (ts[at + 10] >>> 1) & 0x3F));
                    }
                }
                payload = at + 5 + length;
            }
            int payloadBytes = at + 188 - payload;
            out.append(" payload=").append(payloadBytes);
            if (start && (pid == 0 || pid == ProgramTables.PMT_PID)) {
                out.append(' ').append(section(ts, payload + 1 + (ts[payload] & 0xFF)));
            } else if (start) {
                out.append(' ').append(pes(ts, payload));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String section(byte[] ts, int at) {
        int table = ts[at] & 0xFF;
        int length = (ts[at + 1] & 0x0F) << 8 | ts[at + 2] & 0xFF;
        int crc = MpegCrc32.of(ts, at, 3 + length);
        StringBuilder s = new StringBuilder(String.format("table=0x%02x syntax=%d length=%d id=%d version=%d current=%d"
                + " section=%d/%d", table, (ts[at + 1] & 0x80) >>> 7, length, u16(ts, at + 3), (ts[at + 5] >>> 1) & 0x1F,
                ts[at + 5] & 1, ts[at + 6] & 0xFF, ts[at + 7] & 0xFF));
        if (table == 0) {
            for (int e = at + 8; e < at + 3 + length - 4; e += 4) {
                s.append(String.format(" program %d -> pid 0x%04x", u16(ts, e), u16(ts, e + 2) & 0x1FFF));
            }
        } else if (table == 2) {
            s.append(String.format(" pcr_pid=0x%04x program_info=%d", u16(ts, at + 8) & 0x1FFF, u16(ts, at + 10) & 0xFFF));
            for (int e = at + 12 + (u16(ts, at + 10) & 0xFFF); e < at + 3 + length - 4; e += 5 + (u16(ts, e + 3) & 0xFFF)) {
                s.append(String.format(" stream type=0x%02x pid=0x%04x es_info=%d", ts[e] & 0xFF, u16(ts, e + 1) & 0x1FFF,
                        u16(ts, e + 3) & 0xFFF));
            }
        }
        return s.append(crc == 0 ? " crc=ok" : " crc=BAD").toString();
    }

    private static String pes(byte[] ts, int at) {
        if (ts[at] != 0 || ts[at + 1] != 0 || ts[at + 2] != 1) {
            return "! no PES start code";
        }
        long pts = ((ts[at + 9] & 0x0EL) << 29) | ((ts[at + 10] & 0xFFL) << 22) | ((ts[at + 11] & 0xFEL) << 14)
                | ((ts[at + 12] & 0xFFL) << 7) | ((ts[at + 13] & 0xFEL) >>> 1);
        return String.format("PES stream=0x%02x length=%d flags=0x%02x%02x header=%d pts=%d markers=%d%d%d first=%s",
                ts[at + 3] & 0xFF, u16(ts, at + 4), ts[at + 6] & 0xFF, ts[at + 7] & 0xFF, ts[at + 8] & 0xFF, pts,
                ts[at + 9] & 1, ts[at + 11] & 1, ts[at + 13] & 1, HexFormat.of().formatHex(ts, at + 14, at + 21));
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }
}
