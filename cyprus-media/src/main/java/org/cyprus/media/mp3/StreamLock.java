package org.cyprus.media.mp3;

/**
 * What a confirmed sync locks in: the header bits every later frame of the stream must repeat (sync word,
 * version, layer, sampling frequency — the fields ISO/IEC 11172-3 §2.4.2.3 does not allow to change within a
 * stream, and the ones FFmpeg compares too), and for free format the frame length the sync measured.
 *
 * @param streamBits       the locked bits of the first header ({@link #STREAM_MASK} applied)
 * @param freeUnpaddedBytes free format: the length of an unpadded frame; 0 when the bitrate is in the header
 * @param slotBytes        bytes per padding slot (4 in Layer I, else 1)
 */
record StreamLock(int streamBits, int freeUnpaddedBytes, int slotBytes) {
    /** Sync (11 bits), version (2), layer (2) and sampling frequency (2). */
    static final int STREAM_MASK = 0xFFFE0C00;
    private static final int BITRATE_BITS = 0xF000;

    /** The lock for a stream whose headers carry their bitrate. */
    static StreamLock fixed(FrameHeader header) {
        return new StreamLock(header.word() & STREAM_MASK, 0, header.layer().slotBytes());
    }

    /** The lock for a free-format stream whose unpadded frames are {@code unpaddedBytes} long. */
    static StreamLock free(FrameHeader header, int unpaddedBytes) {
        return new StreamLock(header.word() & STREAM_MASK, unpaddedBytes, header.layer().slotBytes());
    }

    boolean freeFormat() {
        return freeUnpaddedBytes > 0;
    }

    /** The length of the frame {@code word} starts, or 0 when {@code word} does not continue this stream. */
    int frameBytes(int word) {
        if ((word & STREAM_MASK) != streamBits) {
            return 0;
        }
        if (freeUnpaddedBytes == 0) {
            return FrameSizeTable.frameBytes(word);
        }
        if ((word & BITRATE_BITS) != 0) {
            return 0;
        }
        return freeUnpaddedBytes + ((word >>> 9) & 1) * slotBytes;
    }

    /** True when {@code other} locks the same version, layer and sampling frequency. */
    boolean sameStream(StreamLock other) {
        return other.streamBits == streamBits;
    }

    /** A header standing for the locked stream (its bitrate and mode bits are not meaningful). */
    FrameHeader header() {
        return new FrameHeader(streamBits | 0x10000);
    }
}
