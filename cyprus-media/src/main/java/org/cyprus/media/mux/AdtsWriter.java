package org.cyprus.media.mux;

import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.mp4.AudioSpecificConfig;

/**
 * Writes ADTS frame headers (ISO/IEC 13818-7 §6.2, as ISO/IEC 14496-3 §1.A.2.2 carries them over) in front of AAC
 * access units, from the stream's AudioSpecificConfig: 7 bytes, no CRC, MPEG-4 ({@code ID} 0), one raw data block
 * per frame, {@code adts_buffer_fullness} 0x7FF (variable bitrate).
 *
 * <p>ADTS can only state a profile of 0–3 (object types 1–4), a rate from the index table and a channel
 * configuration of 1–7. HE-AAC and HE-AACv2 signalled explicitly (object types 5 and 29) are written with implicit
 * signalling instead (§1.6.5.2): the header describes the AAC LC core at its own rate and channel configuration,
 * and the decoder finds the SBR and PS data in the stream.
 */
public final class AdtsWriter {
    /** Bytes of a header without CRC. */
    public static final int HEADER_BYTES = 7;
    /** The largest frame {@code aac_frame_length} (13 bits) can state, header included. */
    static final int MAX_FRAME_BYTES = (1 << 13) - 1;

    private AdtsWriter() {
    }

    /**
     * The header for an access unit of {@code rawFrameBytes} bytes.
     *
     * @throws MediaException {@code UNSUPPORTED} when the format is not AAC, or its configuration or this frame
     *                        cannot be stated in an ADTS header (see the class description)
     */
    public static byte[] header(TrackFormat format, int rawFrameBytes) throws MediaException {
        byte[] header = template(format);
        setFrameLength(header, 0, rawFrameBytes);
        return header;
    }

    /** The header with every field but {@code aac_frame_length} filled in. */
    static byte[] template(TrackFormat format) throws MediaException {
        if (format.codec() != Codec.AAC) {
            throw new MediaException(MediaError.UNSUPPORTED, "ADTS carries AAC only, not " + format.codec().id());
        }
        AudioSpecificConfig asc = AudioSpecificConfig.parse(format.decoderConfigView());
        int objectType = asc.audioObjectType(); // the core type: 2 under explicit HE-AAC signalling
        if (objectType < 1 || objectType > 4) {
            throw new MediaException(MediaError.UNSUPPORTED, "ADTS cannot carry audio object type " + objectType
                    + " (" + asc.profileName() + "); only AAC Main, LC, SSR and LTP");
        }
        if (asc.samplingFrequencyIndex() > 12) {
            throw new MediaException(MediaError.UNSUPPORTED, "ADTS cannot state the sampling frequency "
                    + asc.samplingFrequencyHz() + " Hz, which has no index");
        }
        int channels = asc.channelConfiguration();
        if (channels < 1 || channels > 7) {
            throw new MediaException(MediaError.UNSUPPORTED, "ADTS cannot state channel configuration " + channels
                    + (channels == 0 ? " (a program config element)" : ""));
        }
        int profile = objectType - 1;
        return new byte[] {
            (byte) 0xFF,
            (byte) 0xF1, // syncword end, ID 0 (MPEG-4), layer 00, protection_absent 1
            (byte) (profile << 6 | asc.samplingFrequencyIndex() << 2 | channels >>> 2), // private_bit 0
            (byte) ((channels & 3) << 6), // original_copy, home, copyright bits 0; frame length follows
            0,
            (byte) 0x1F, // adts_buffer_fullness 0x7FF begins
            (byte) 0xFC, // ... ends; number_of_raw_data_blocks_in_frame 0 (one block)
        };
    }

    /** Writes {@code aac_frame_length} (header included) into the header at {@code offset} of {@code header}. */
    static void setFrameLength(byte[] header, int offset, int rawFrameBytes) throws MediaException {
        int length = HEADER_BYTES + rawFrameBytes;
        if (rawFrameBytes < 1 || length > MAX_FRAME_BYTES) {
            throw new MediaException(MediaError.UNSUPPORTED, "an access unit of " + rawFrameBytes
                    + " bytes does not fit an ADTS frame (at most " + (MAX_FRAME_BYTES - HEADER_BYTES) + ")");
        }
        header[offset + 3] = (byte) (header[offset + 3] & 0xFC | length >>> 11);
        header[offset + 4] = (byte) (length >>> 3);
        header[offset + 5] = (byte) ((length & 7) << 5 | 0x1F);
    }
}
