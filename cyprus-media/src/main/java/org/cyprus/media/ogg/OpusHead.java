package org.cyprus.media.ogg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * The Opus identification header (RFC 7845 §5.1).
 *
 * @param version           the encapsulation version; only major version 0 (values 0–15) is readable
 * @param channels          output channels
 * @param preSkip           samples at 48 kHz to discard from the decoder's output at the start
 * @param inputSampleRateHz the original input rate, informational only (Opus always decodes at 48 kHz here)
 * @param outputGainQ8      gain to apply on output, in dB as a Q7.8 fixed-point number
 * @param mappingFamily     channel mapping family: 0 mono/stereo, 1 Vorbis order surround, 255 unspecified
 * @param streamCount       Opus streams per packet
 * @param coupledCount      of which stereo (coupled) streams
 */
record OpusHead(int version, int channels, int preSkip, long inputSampleRateHz, int outputGainQ8, int mappingFamily,
        int streamCount, int coupledCount) implements OggCodecHeader {
    static final byte[] SIGNATURE = {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd'};
    /** RFC 7845 §4: granule positions always count 48 kHz samples. */
    static final int GRANULE_RATE_HZ = 48_000;
    private static final int LENGTH_BYTES = 19;

    /**
     * Reads the packet. §5.1: a major version other than 0 is not readable; channel mapping family 0 allows one
     * or two channels and no mapping table; other families carry stream and coupled counts and a table of one
     * byte per channel.
     */
    static OpusHead parseOpusHead(byte[] packet) throws MediaException {
        if (packet.length < LENGTH_BYTES) {
            throw new MediaException(MediaError.CORRUPT, "OpusHead is " + packet.length + " bytes, fewer than 19");
        }
        ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        int version = packet[8] & 0xFF;
        int channels = packet[9] & 0xFF;
        int preSkip = b.getShort(10) & 0xFFFF;
        long inputRate = Integer.toUnsignedLong(b.getInt(12));
        int gain = b.getShort(16);
        int family = packet[18] & 0xFF;
        if (version > 15) {
            throw new MediaException(MediaError.UNSUPPORTED,
                    "Ogg Opus version " + version + " (only major version 0 is defined)");
        }
        if (channels == 0 || (family == 0 && channels > 2)) {
            throw new MediaException(MediaError.CORRUPT, "OpusHead: " + channels + " channels with mapping family " + family);
        }
        int streams = 1;
        int coupled = channels - 1;
        if (family != 0) {
            if (packet.length < 21 + channels) {
                throw new MediaException(MediaError.CORRUPT, "OpusHead: channel mapping table cut short");
            }
            streams = packet[19] & 0xFF;
            coupled = packet[20] & 0xFF;
            if (streams == 0 || coupled > streams) {
                throw new MediaException(MediaError.CORRUPT, "OpusHead: " + streams + " streams, " + coupled + " coupled");
            }
        }
        return new OpusHead(version, channels, preSkip, inputRate, gain, family, streams, coupled);
    }

    @Override
    public Codec codec() {
        return Codec.OPUS;
    }

    @Override
    public String codecDetail() {
        StringBuilder detail = new StringBuilder("Opus");
        if (mappingFamily != 0) {
            detail.append(", channel mapping family ").append(mappingFamily);
        }
        if (outputGainQ8 != 0) {
            detail.append(String.format(Locale.ROOT, ", output gain %+.2f dB", outputGainQ8 / 256.0));
        }
        return detail.toString();
    }

    @Override
    public int sampleRateHz() {
        return GRANULE_RATE_HZ;
    }

    @Override
    public int granuleRateHz() {
        return GRANULE_RATE_HZ;
    }

    @Override
    public int headerPackets() {
        return 2;
    }
}
