package org.cyprus.media.ogg;

import org.cyprus.media.Codec;

/** The identification header that opens an Ogg logical stream, for the audio codecs Cyprus reads. */
sealed interface OggCodecHeader permits VorbisIdentification, OpusHead, OggFlacHeader {

    Codec codec();

    String codecDetail();

    /** The rate decoded audio plays at. */
    int sampleRateHz();

    int channels();

    /** Granule positions count samples at this rate. */
    int granuleRateHz();

    /** Samples at the start that the decoder discards (Opus pre-skip); 0 for the others. */
    int preSkip();

    /**
     * Header packets the stream starts with, this one included; 0 when the header does not say (Ogg FLAC
     * version 1.0 may leave it unknown, and the last metadata block's flag then ends them).
     */
    int headerPackets();
}
