package org.cyprus.media.mux;

import java.util.Arrays;

/**
 * The two PSI tables at the start of every segment (ISO/IEC 13818-1 §2.4.4): a program association table naming
 * program 1 and its PMT PID, and a program map table naming one audio elementary stream, which also carries the
 * PCR. Each section fits one transport packet, padded with 0xFF (§2.4.4.2).
 */
final class ProgramTables {
    static final int PAT_PID = 0x0000;
    /** The PIDs FFmpeg's muxer uses by default, so the segments look like what tools expect. */
    static final int PMT_PID = 0x1000;
    static final int AUDIO_PID = 0x0100;
    private static final int PROGRAM_NUMBER = 1;
    private static final int TRANSPORT_STREAM_ID = 1;

    private ProgramTables() {
    }

    /** §2.4.4.3, Table 2-30: table_id 0, one program. */
    static void writePat(byte[] out, int offset, int continuity) {
        int at = psiPacket(out, offset, PAT_PID, continuity);
        byte[] section = {
            0x00, // table_id: program_association_section
            (byte) 0xB0, 13, // section_syntax_indicator 1, '0', reserved; section_length 13
            (byte) (TRANSPORT_STREAM_ID >>> 8), (byte) TRANSPORT_STREAM_ID,
            (byte) 0xC1, 0x00, 0x00, // version 0, current_next_indicator 1; section 0 of 0
            (byte) (PROGRAM_NUMBER >>> 8), (byte) PROGRAM_NUMBER,
            (byte) (0xE0 | PMT_PID >>> 8), (byte) PMT_PID,
        };
        writeSection(out, at, section);
    }

    /** §2.4.4.8, Table 2-33: table_id 2, PCR on the audio PID, one elementary stream without descriptors. */
    static void writePmt(byte[] out, int offset, int continuity, int streamType) {
        int at = psiPacket(out, offset, PMT_PID, continuity);
        byte[] section = {
            0x02, // table_id: TS_program_map_section
            (byte) 0xB0, 18, // section_length: 9 header bytes, one 5-byte stream entry, the CRC
            (byte) (PROGRAM_NUMBER >>> 8), (byte) PROGRAM_NUMBER,
            (byte) 0xC1, 0x00, 0x00,
            (byte) (0xE0 | AUDIO_PID >>> 8), (byte) AUDIO_PID, // PCR_PID
            (byte) 0xF0, 0x00, // program_info_length 0
            (byte) streamType,
            (byte) (0xE0 | AUDIO_PID >>> 8), (byte) AUDIO_PID,
            (byte) 0xF0, 0x00, // ES_info_length 0
        };
        writeSection(out, at, section);
    }

    /** A packet header with payload_unit_start_indicator set, and the pointer_field 0; returns where the section goes. */
    private static int psiPacket(byte[] out, int offset, int pid, int continuity) {
        Arrays.fill(out, offset, offset + MpegTsWriter.PACKET_BYTES, (byte) 0xFF);
        out[offset] = MpegTsWriter.SYNC_BYTE;
        out[offset + 1] = (byte) (0x40 | pid >>> 8);
        out[offset + 2] = (byte) pid;
        out[offset + 3] = (byte) (0x10 | continuity & 0xF); // payload only
        out[offset + 4] = 0; // pointer_field
        return offset + 5;
    }

    private static void writeSection(byte[] out, int at, byte[] section) {
        System.arraycopy(section, 0, out, at, section.length);
        int crc = MpegCrc32.of(section, 0, section.length);
        int end = at + section.length;
        out[end] = (byte) (crc >>> 24);
        out[end + 1] = (byte) (crc >>> 16);
        out[end + 2] = (byte) (crc >>> 8);
        out[end + 3] = (byte) crc;
    }
}
