package org.cyprus.media.wav;

import java.io.IOException;
import java.util.HexFormat;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * The {@code fmt } chunk: a WAVEFORMATEX structure (Microsoft RIFF specification, "WAVE Form Definition"), and for
 * format tag 0xFFFE its WAVEFORMATEXTENSIBLE extension.
 *
 * @param formatTag        the declared tag; 0xFFFE for WAVE_FORMAT_EXTENSIBLE
 * @param channels         channel count
 * @param sampleRateHz     samples per second
 * @param avgBytesPerSec   the declared average data rate
 * @param blockAlign       bytes per block: one sample frame for PCM, one compressed block for ADPCM
 * @param bitsPerSample    container bits per sample
 * @param validBits        bits of each sample that carry signal (extensible); else {@code bitsPerSample}
 * @param samplesPerBlock  samples per block for ADPCM formats; 0 when not given
 * @param subFormatTag     the format tag inside the extensible SubFormat GUID; else {@code formatTag}
 * @param subFormatGuid    the SubFormat GUID as text, empty unless extensible
 */
record WaveFormat(int formatTag, int channels, int sampleRateHz, long avgBytesPerSec, int blockAlign,
        int bitsPerSample, int validBits, int samplesPerBlock, int subFormatTag, String subFormatGuid) {
    static final int PCM = 0x0001;
    static final int MS_ADPCM = 0x0002;
    static final int IEEE_FLOAT = 0x0003;
    static final int ALAW = 0x0006;
    static final int MULAW = 0x0007;
    static final int IMA_ADPCM = 0x0011;
    static final int MPEG = 0x0050;
    static final int MPEG_LAYER3 = 0x0055;
    static final int EXTENSIBLE = 0xFFFE;
    /** KSDATAFORMAT_SUBTYPE_*: the format tag in the first two bytes, then this fixed tail. */
    private static final String GUID_TAIL = "000000001000800000aa00389b71";

    /** Reads a {@code fmt } chunk body of {@code sizeBytes}. */
    static WaveFormat parseFmt(ByteReader r, long sizeBytes) throws IOException, MediaException {
        if (sizeBytes < 14) {
            throw new MediaException(MediaError.CORRUPT, "fmt chunk of " + sizeBytes + " bytes is too short");
        }
        int tag = le16(r);
        int channels = le16(r);
        long rate = le32(r);
        long avg = le32(r);
        int align = le16(r);
        int bits = sizeBytes >= 16 ? le16(r) : 0;
        if (channels == 0 || rate == 0 || rate > Integer.MAX_VALUE) {
            throw new MediaException(MediaError.CORRUPT, "fmt chunk gives " + channels + " channels at " + rate + " Hz");
        }
        int extraBytes = sizeBytes >= 18 ? le16(r) : 0;
        extraBytes = (int) Math.min(extraBytes, sizeBytes - 18);
        int validBits = bits;
        int samplesPerBlock = 0;
        int subTag = tag;
        String guid = "";
        if (tag == EXTENSIBLE && extraBytes >= 22) {
            validBits = le16(r); // a union with wSamplesPerBlock
            r.skip(4); // dwChannelMask
            byte[] subFormat = r.bytes(16);
            guid = HexFormat.of().formatHex(subFormat);
            subTag = guid.endsWith(GUID_TAIL) && subFormat[2] == 0 && subFormat[3] == 0
                    ? (subFormat[0] & 0xFF) | (subFormat[1] & 0xFF) << 8 : -1;
            if (subTag == IMA_ADPCM || subTag == MS_ADPCM) {
                samplesPerBlock = validBits;
                validBits = bits;
            } else if (validBits == 0) {
                validBits = bits;
            }
        } else if ((tag == IMA_ADPCM || tag == MS_ADPCM) && extraBytes >= 2) {
            samplesPerBlock = le16(r);
        }
        return new WaveFormat(tag, channels, (int) rate, avg, align, bits, validBits, samplesPerBlock, subTag, guid);
    }

    /** Whether samples are stored one frame per block, so that bytes map to time by arithmetic alone. */
    boolean isUncompressed() {
        return subFormatTag == PCM || subFormatTag == IEEE_FLOAT || subFormatTag == ALAW || subFormatTag == MULAW;
    }

    /** Whether this is a block-based ADPCM format with a known number of samples per block. */
    boolean isAdpcm() {
        return (subFormatTag == IMA_ADPCM || subFormatTag == MS_ADPCM) && samplesPerBlock > 0 && blockAlign > 0;
    }

    Codec codec() {
        return switch (subFormatTag) {
            case PCM, IEEE_FLOAT, ALAW, MULAW -> Codec.PCM;
            case MPEG_LAYER3 -> Codec.MP3;
            case MPEG -> Codec.MP2;
            default -> Codec.UNKNOWN;
        };
    }

    /** A readable description, e.g. {@code PCM 16-bit little-endian}; unknown formats by their tag or GUID. */
    String codecDetail() {
        return switch (subFormatTag) {
            case PCM -> bitsPerSample == 8 ? "PCM 8-bit unsigned" : "PCM " + validBits + "-bit little-endian"
                    + (validBits != bitsPerSample ? " in " + bitsPerSample + "-bit containers" : "");
            case IEEE_FLOAT -> "PCM " + bitsPerSample + "-bit float little-endian";
            case ALAW -> "G.711 A-law";
            case MULAW -> "G.711 µ-law";
            case IMA_ADPCM -> "IMA ADPCM";
            case MS_ADPCM -> "Microsoft ADPCM";
            case MPEG_LAYER3 -> "MPEG Layer III in WAV";
            case MPEG -> "MPEG Layer I/II in WAV";
            case -1 -> "WAVE_FORMAT_EXTENSIBLE, SubFormat " + subFormatGuid;
            default -> String.format("WAVE format 0x%04X", subFormatTag);
        };
    }

    private static int le16(ByteReader r) throws IOException, MediaException {
        return Short.reverseBytes((short) r.u16()) & 0xFFFF;
    }

    private static long le32(ByteReader r) throws IOException, MediaException {
        return Integer.toUnsignedLong(Integer.reverseBytes(r.s32()));
    }
}
