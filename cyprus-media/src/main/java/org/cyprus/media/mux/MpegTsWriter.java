package org.cyprus.media.mux;

import java.util.Arrays;

import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;

/**
 * Writes a run of frames as an MPEG-2 transport stream segment (ISO/IEC 13818-1), as HLS wants them (RFC 8216
 * §3.2): a PAT and a PMT first, then the audio in PES packets, each opening with a PCR. MPEG audio is carried as
 * it is; AAC gets an ADTS header per access unit, the form stream_type 0x0F names.
 *
 * <p>Continuity counters (§2.4.3.3) start at the caller's value on every PID. A player fetching segments one by one
 * resumes at each segment's PAT; to make consecutive segments continuous, start each at
 * {@link #nextContinuity} of the one before.
 */
public final class MpegTsWriter {
    static final int PACKET_BYTES = 188;
    static final byte SYNC_BYTE = 0x47;
    /** §2.4.3.7 Table 2-22: audio stream number 0. */
    private static final int AUDIO_STREAM_ID = 0xC0;
    private static final long PTS_MASK = (1L << 33) - 1;

    private MpegTsWriter() {
    }

    /**
     * The transport stream for {@code run}. Each PES carries the PTS of its first frame, {@code startTime × 90000 /
     * timescale} rounded down and wrapped modulo 2³³ as 33-bit time stamps do (§2.4.3.7); its first packet carries
     * the same value as PCR (base; extension 0), with random_access_indicator set, and its last packet is filled
     * out with adaptation-field stuffing (§2.4.3.5).
     *
     * @param continuityStart the first continuity_counter of every PID (only its low 4 bits count)
     * @throws MediaException {@code UNSUPPORTED} when an AAC stream cannot be framed in ADTS
     */
    public static byte[] segment(FrameRun run, int continuityStart) throws MediaException {
        boolean aac = run.format().codec() == Codec.AAC;
        byte[] adts = aac ? AdtsWriter.template(run.format()) : null;
        int headerBytes = aac ? AdtsWriter.HEADER_BYTES : 0;
        PesPlan plan = PesPlan.of(run, headerBytes);
        byte[] out = new byte[PACKET_BYTES * (2 + plan.totalPackets())];
        ProgramTables.writePat(out, 0, continuityStart);
        ProgramTables.writePmt(out, PACKET_BYTES, continuityStart, streamType(run.format()));
        byte[] pes = new byte[plan.largestPesBytes()];
        byte[] payload = run.payloadView();
        int packet = 2;
        int continuity = continuityStart;
        int payloadAt = 0;
        long time = run.startTime();
        for (int p = 0; p < plan.pesCount(); p++) {
            long pts = Timescales.rescaleFloor(time, Timescales.PTS_HZ, run.format().timescale()) & PTS_MASK;
            int at = writePesHeader(pes, plan.pesBytes()[p], pts);
            for (int i = plan.firstFrame()[p]; i < plan.firstFrame()[p + 1]; i++) {
                int size = run.frameSize(i);
                if (aac) {
                    System.arraycopy(adts, 0, pes, at, headerBytes);
                    AdtsWriter.setFrameLength(pes, at, size);
                    at += headerBytes;
                }
                System.arraycopy(payload, payloadAt, pes, at, size);
                at += size;
                payloadAt += size;
                time += run.frameDuration(i);
            }
            packet = packetize(out, packet, pes, at, pts, continuity);
            continuity += plan.packets()[p];
        }
        return out;
    }

    /** The continuity counter a segment following {@code run}'s (started at {@code continuityStart}) starts with. */
    public static int nextContinuity(FrameRun run, int continuityStart) throws MediaException {
        int headerBytes = run.format().codec() == Codec.AAC ? AdtsWriter.HEADER_BYTES : 0;
        return (continuityStart + PesPlan.of(run, headerBytes).totalPackets()) & 0xF;
    }

    /** §2.4.4.9 Table 2-34: 0x03 MPEG-1 audio, 0x04 MPEG-2 (and 2.5) audio, 0x0F AAC with ADTS transport syntax. */
    static int streamType(TrackFormat format) {
        if (format.codec() == Codec.AAC) {
            return 0x0F;
        }
        return format.mpegVersion() == 1 ? 0x03 : 0x04;
    }

    /** §2.4.3.6–2.4.3.7: start code, stream_id, length, data_alignment_indicator, a PTS only; returns its end. */
    private static int writePesHeader(byte[] pes, int pesBytes, long pts) {
        int length = pesBytes - 6;
        pes[0] = 0;
        pes[1] = 0;
        pes[2] = 1;
        pes[3] = (byte) AUDIO_STREAM_ID;
        pes[4] = (byte) (length >>> 8);
        pes[5] = (byte) length;
        pes[6] = (byte) 0x84; // '10', not scrambled, data_alignment_indicator 1
        pes[7] = (byte) 0x80; // PTS_DTS_flags '10'
        pes[8] = 5; // PES_header_data_length
        pes[9] = (byte) (0x21 | (pts >>> 29) & 0x0E); // '0010', PTS[32..30], marker
        pes[10] = (byte) (pts >>> 22);
        pes[11] = (byte) ((pts >>> 14) & 0xFE | 1);
        pes[12] = (byte) (pts >>> 7);
        pes[13] = (byte) ((pts << 1) & 0xFE | 1);
        return PesPlan.PES_HEADER_BYTES;
    }

    /** Splits {@code pes[0, length)} into packets from {@code packet} on; returns the packet after the last. */
    private static int packetize(byte[] out, int packet, byte[] pes, int length, long pcrBase, int continuity) {
        int written = 0;
        boolean first = true;
        while (written < length) {
            int base = packet * PACKET_BYTES;
            int fieldBytes = first ? PesPlan.PCR_FIELD_BYTES : 0;
            int room = PesPlan.PACKET_PAYLOAD_BYTES - fieldBytes;
            int bytes = Math.min(room, length - written);
            fieldBytes += room - bytes; // stuffing fills the last packet
            out[base] = SYNC_BYTE;
            out[base + 1] = (byte) ((first ? 0x40 : 0) | ProgramTables.AUDIO_PID >>> 8);
            out[base + 2] = (byte) ProgramTables.AUDIO_PID;
            out[base + 3] = (byte) ((fieldBytes > 0 ? 0x30 : 0x10) | continuity & 0xF);
            int at = base + 4;
            if (fieldBytes > 0) {
                writeAdaptationField(out, at, fieldBytes, first, pcrBase);
                at += fieldBytes;
            }
            System.arraycopy(pes, written, out, at, bytes);
            written += bytes;
            continuity++;
            packet++;
            first = false;
        }
        return packet;
    }

    /**
     * §2.4.3.4: {@code fieldBytes} in all, its length byte included; with a PCR (and random_access_indicator, since
     * every PES starts with a whole frame), the rest 0xFF stuffing.
     */
    private static void writeAdaptationField(byte[] out, int at, int fieldBytes, boolean pcr, long pcrBase) {
        out[at] = (byte) (fieldBytes - 1);
        if (fieldBytes == 1) {
            return;
        }
        out[at + 1] = (byte) (pcr ? 0x50 : 0x00);
        int stuffing = at + 2;
        if (pcr) {
            out[at + 2] = (byte) (pcrBase >>> 25);
            out[at + 3] = (byte) (pcrBase >>> 17);
            out[at + 4] = (byte) (pcrBase >>> 9);
            out[at + 5] = (byte) (pcrBase >>> 1);
            out[at + 6] = (byte) ((pcrBase & 1) << 7 | 0x7E); // 6 reserved bits, extension 0
            out[at + 7] = 0;
            stuffing = at + 8;
        }
        Arrays.fill(out, stuffing, at + fieldBytes, (byte) 0xFF);
    }
}
