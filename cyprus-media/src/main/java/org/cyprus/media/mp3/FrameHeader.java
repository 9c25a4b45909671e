package org.cyprus.media.mp3;

import java.util.Optional;
import java.util.OptionalInt;
import org.cyprus.media.Codec;

/**
 * One MPEG audio frame header: the 32 bits that start every frame (ISO/IEC 11172-3 §2.4.1.3 and §2.4.2.3,
 * ISO/IEC 13818-3 §2.4.2.3). Only valid headers exist: {@link #decode(int)} rejects a missing sync word, the
 * reserved version and layer, the forbidden bitrate index 15 and the reserved sampling frequency 3.
 *
 * @param word the header as a big-endian 32-bit value
 */
public record FrameHeader(int word) {
    /** The 11 sync bits every frame begins with. */
    static final int SYNC_MASK = 0xFFE00000;
    /** Bytes of the {@code crc_check} that follows a protected header. */
    static final int CRC_BYTES = 2;
    static final int HEADER_BYTES = 4;

    public FrameHeader {
        if (!valid(word)) {
            throw new IllegalArgumentException("not a valid MPEG audio header: " + Integer.toHexString(word));
        }
    }

    /** The header in {@code word}, or empty when the word is not a valid header. */
    public static Optional<FrameHeader> decode(int word) {
        return valid(word) ? Optional.of(new FrameHeader(word)) : Optional.empty();
    }

    /** The header in the 4 bytes at {@code offset} of {@code bytes}, or empty when they are not a valid header. */
    public static Optional<FrameHeader> decode(byte[] bytes, int offset) {
        if (offset < 0 || offset > bytes.length - HEADER_BYTES) {
            return Optional.empty();
        }
        return decode((bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF);
    }

    static boolean valid(int word) {
        return (word & SYNC_MASK) == SYNC_MASK
                && ((word >>> 19) & 3) != 1
                && ((word >>> 17) & 3) != 0
                && ((word >>> 12) & 0xF) != 15
                && ((word >>> 10) & 3) != 3;
    }

    public MpegVersion version() {
        return MpegVersion.fromBits(word >>> 19).orElseThrow();
    }

    public MpegLayer layer() {
        return MpegLayer.fromBits(word >>> 17).orElseThrow();
    }

    /** True when {@code protection_bit} is 0: a 16-bit CRC follows the header and shifts what comes after. */
    public boolean crcProtected() {
        return (word & 0x10000) == 0;
    }

    /** The bitrate; 0 for free format, whose frame length is not in the header. */
    public int bitrateKbps() {
        return layer().bitrateKbps(version(), (word >>> 12) & 0xF);
    }

    public boolean freeFormat() {
        return ((word >>> 12) & 0xF) == 0;
    }

    public int sampleRateHz() {
        return version().sampleRateHz((word >>> 10) & 3);
    }

    /** True when the frame carries one extra slot ({@link MpegLayer#slotBytes()}). */
    public boolean padded() {
        return (word & 0x200) != 0;
    }

    public ChannelMode channelMode() {
        return ChannelMode.fromBits(word >>> 6);
    }

    /** The {@code mode_extension} bits (intensity / MS stereo in joint stereo). */
    public int modeExtension() {
        return (word >>> 4) & 3;
    }

    public boolean copyrighted() {
        return (word & 0x8) != 0;
    }

    public boolean original() {
        return (word & 0x4) != 0;
    }

    public Emphasis emphasis() {
        return Emphasis.fromBits(word);
    }

    public int channels() {
        return channelMode().channels();
    }

    public int samplesPerFrame() {
        return layer().samplesPerFrame(version());
    }

    /**
     * The frame's length in bytes, header included; empty for free format. ISO/IEC 11172-3 §2.4.3.1: Layer I
     * {@code (12 * bitrate / rate + padding) * 4}, Layers II and III {@code 144 * bitrate / rate + padding};
     * ISO/IEC 13818-3 halves the Layer III factor to 72 at the lower sampling frequencies (576-sample frames).
     */
    public OptionalInt frameBytes() {
        return freeFormat() ? OptionalInt.empty() : OptionalInt.of(frameBytes(bitrateKbps() * 1000));
    }

    /** The length a frame of this header would have at {@code bitrateBps}. */
    int frameBytes(int bitrateBps) {
        int rate = sampleRateHz();
        int pad = padded() ? 1 : 0;
        return switch (layer()) {
            case LAYER_1 -> (12 * bitrateBps / rate + pad) * 4;
            case LAYER_2 -> 144 * bitrateBps / rate + pad;
            case LAYER_3 -> (version().lowSamplingFrequency() ? 72 : 144) * bitrateBps / rate + pad;
        };
    }

    /**
     * Bytes of Layer III side information after the header (and CRC): 32 (MPEG-1 stereo), 17 (MPEG-1 mono or
     * MPEG-2/2.5 stereo), 9 (MPEG-2/2.5 mono), per ISO/IEC 11172-3 §2.4.1.7 and ISO/IEC 13818-3 §2.4.1.7; 0 for
     * Layers I and II.
     */
    public int sideInfoBytes() {
        if (layer() != MpegLayer.LAYER_3) {
            return 0;
        }
        boolean mono = channelMode() == ChannelMode.MONO;
        if (version().lowSamplingFrequency()) {
            return mono ? 9 : 17;
        }
        return mono ? 17 : 32;
    }

    public Codec codec() {
        return layer().codec();
    }

    /** E.g. {@code MPEG-1 Layer III}. */
    public String codecDetail() {
        return version().label() + " " + layer().label();
    }

    /** A one-line description for dumps and warnings. */
    @Override
    public String toString() {
        return String.format("%08x %s, %s, %d Hz, %s%s%s%s, emphasis %s", word, codecDetail(),
                freeFormat() ? "free format" : bitrateKbps() + " kbps", sampleRateHz(),
                channelMode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                channelMode() == ChannelMode.JOINT_STEREO ? " (mode extension " + modeExtension() + ")" : "",
                crcProtected() ? ", CRC" : "", padded() ? ", padded" : "", emphasis().name().toLowerCase(java.util.Locale.ROOT));
    }
}
