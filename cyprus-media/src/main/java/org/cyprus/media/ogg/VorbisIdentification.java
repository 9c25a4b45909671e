package org.cyprus.media.ogg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * The Vorbis identification header (Vorbis I specification §4.2.2).
 *
 * @param channels         audio channels
 * @param sampleRateHz     sample rate; granule positions count samples at this rate
 * @param bitrateNominalBps the encoder's nominal bitrate; 0 or negative when unset
 * @param blocksize0       short block size in samples
 * @param blocksize1       long block size in samples
 */
record VorbisIdentification(int channels, int sampleRateHz, int bitrateNominalBps, int blocksize0, int blocksize1)
        implements OggCodecHeader {
    static final byte[] SIGNATURE = {1, 'v', 'o', 'r', 'b', 'i', 's'};
    private static final int LENGTH_BYTES = 30;

    /**
     * Reads the 30-byte packet. §4.2.2: version 0, channels and rate above 0, block sizes powers of two from 64
     * to 8192 with the first not larger than the second, and the framing bit set; anything else is undecodable.
     */
    static VorbisIdentification parseVorbisIdentification(byte[] packet) throws MediaException {
        if (packet.length < LENGTH_BYTES) {
            throw new MediaException(MediaError.CORRUPT, "Vorbis identification header is " + packet.length + " bytes, not 30");
        }
        ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(7);
        int channels = packet[11] & 0xFF;
        long rate = Integer.toUnsignedLong(b.getInt(12));
        int nominal = b.getInt(20);
        int exponent0 = packet[28] & 0x0F;
        int exponent1 = (packet[28] & 0xF0) >>> 4;
        if (version != 0 || channels == 0 || rate == 0 || rate > Integer.MAX_VALUE
                || exponent0 < 6 || exponent1 > 13 || exponent0 > exponent1 || (packet[29] & 1) == 0) {
            throw new MediaException(MediaError.CORRUPT, "invalid Vorbis identification header (version " + version
                    + ", " + channels + " channels, " + rate + " Hz)");
        }
        return new VorbisIdentification(channels, (int) rate, nominal, 1 << exponent0, 1 << exponent1);
    }

    @Override
    public Codec codec() {
        return Codec.VORBIS;
    }

    @Override
    public String codecDetail() {
        return "Vorbis";
    }

    @Override
    public int granuleRateHz() {
        return sampleRateHz;
    }

    @Override
    public int preSkip() {
        return 0;
    }

    @Override
    public int headerPackets() {
        return 3;
    }
}
