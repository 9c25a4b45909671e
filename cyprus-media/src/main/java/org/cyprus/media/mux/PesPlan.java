package org.cyprus.media.mux;

import java.util.Arrays;

import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * How a run's frames are grouped into PES packets and how many transport packets each takes: frames are added to
 * a PES until the next one would take it past half a second or past what {@code PES_packet_length} (16 bits,
 * ISO/IEC 13818-1 §2.4.3.7) can state; every PES starts with a frame.
 *
 * @param firstFrame the first frame of each PES, plus the frame count at the end
 * @param pesBytes   each PES's size, its 14-byte header (with a PTS) included
 * @param packets    the transport packets each PES takes
 */
record PesPlan(int[] firstFrame, int[] pesBytes, int[] packets) {
    /** Start code, stream_id and PES_packet_length; the flag bytes and header length; the PTS. */
    static final int PES_HEADER_BYTES = 6 + 3 + 5;
    /** What {@code PES_packet_length} can state, less the 8 header bytes it counts. */
    static final int MAX_PES_PAYLOAD_BYTES = 0xFFFF - 8;
    /** Payload bytes in a transport packet without an adaptation field. */
    static final int PACKET_PAYLOAD_BYTES = 184;
    /** An adaptation field holding a PCR: length, flags, 6 PCR bytes (§2.4.3.4). */
    static final int PCR_FIELD_BYTES = 8;

    /** The plan for {@code run}, each frame taking {@code headerBytes} more (an ADTS header). */
    static PesPlan of(FrameRun run, int headerBytes) throws MediaException {
        int count = run.frameCount();
        long maxTime = run.format().timescale() / 2;
        int[] first = new int[count + 1];
        int[] bytes = new int[count];
        int pes = 0;
        int payload = 0;
        long time = 0;
        for (int i = 0; i < count; i++) {
            int frame = run.frameSize(i) + headerBytes;
            if (frame > MAX_PES_PAYLOAD_BYTES) {
                throw new MediaException(MediaError.UNSUPPORTED, "a frame of " + frame + " bytes does not fit a PES packet");
            }
            if (i == 0 || payload + frame > MAX_PES_PAYLOAD_BYTES || time + run.frameDuration(i) > maxTime) {
                if (i > 0) {
                    bytes[pes++] = PES_HEADER_BYTES + payload;
                }
                first[pes] = i;
                payload = 0;
                time = 0;
            }
            payload += frame;
            time += run.frameDuration(i);
        }
        bytes[pes++] = PES_HEADER_BYTES + payload;
        first[pes] = count;
        int[] firstFrame = Arrays.copyOf(first, pes + 1);
        int[] pesBytes = Arrays.copyOf(bytes, pes);
        int[] packets = new int[pes];
        for (int p = 0; p < pes; p++) {
            int rest = pesBytes[p] - (PACKET_PAYLOAD_BYTES - PCR_FIELD_BYTES);
            packets[p] = 1 + (rest <= 0 ? 0 : (rest + PACKET_PAYLOAD_BYTES - 1) / PACKET_PAYLOAD_BYTES);
        }
        return new PesPlan(firstFrame, pesBytes, packets);
    }

    int pesCount() {
        return pesBytes.length;
    }

    int totalPackets() {
        int total = 0;
        for (int n : packets) {
            total += n;
        }
        return total;
    }

    int largestPesBytes() {
        int largest = 0;
        for (int n : pesBytes) {
            largest = Math.max(largest, n);
        }
        return largest;
    }
}
