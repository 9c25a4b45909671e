package org.cyprus.media.ogg;

import java.io.IOException;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.flac.StreamInfo;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteReader;

/**
 * The first packet of FLAC in Ogg (RFC 9639 §10.1): {@code 0x7F "FLAC"}, mapping version, the number of header
 * packets that follow, then the {@code fLaC} marker and the STREAMINFO block.
 *
 * @param majorVersion  mapping major version (1)
 * @param minorVersion  mapping minor version
 * @param headerPackets header packets including this one, or 0 when unknown
 * @param streamInfo    the stream's STREAMINFO
 */
record OggFlacHeader(int majorVersion, int minorVersion, int headerPackets, StreamInfo streamInfo)
        implements OggCodecHeader {
    static final byte[] SIGNATURE = {0x7F, 'F', 'L', 'A', 'C'};
    private static final int LENGTH_BYTES = 51;

    static OggFlacHeader parseOggFlacHeader(byte[] packet) throws MediaException {
        if (packet.length < LENGTH_BYTES || packet[9] != 'f' || packet[10] != 'L' || packet[11] != 'a' || packet[12] != 'C'
                || (packet[13] & 0x7F) != 0) {
            throw new MediaException(MediaError.CORRUPT, "invalid Ogg FLAC mapping header");
        }
        if (packet[5] != 1) {
            throw new MediaException(MediaError.UNSUPPORTED, "Ogg FLAC mapping version " + packet[5]);
        }
        int following = ((packet[7] & 0xFF) << 8) | (packet[8] & 0xFF);
        try {
            StreamInfo info = StreamInfo.parseStreamInfo(new ByteReader(new ArrayByteSource(packet), 17, packet.length));
            return new OggFlacHeader(1, packet[6] & 0xFF, following == 0 ? 0 : following + 1, info);
        } catch (IOException e) {
            throw new MediaException(MediaError.CORRUPT, "unreadable Ogg FLAC STREAMINFO", e);
        }
    }

    @Override
    public Codec codec() {
        return Codec.FLAC;
    }

    @Override
    public String codecDetail() {
        return "FLAC " + streamInfo.bitsPerSample() + "-bit";
    }

    @Override
    public int sampleRateHz() {
        return streamInfo.sampleRateHz();
    }

    @Override
    public int channels() {
        return streamInfo.channels();
    }

    @Override
    public int granuleRateHz() {
        return streamInfo.sampleRateHz();
    }

    @Override
    public int preSkip() {
        return 0;
    }
}
