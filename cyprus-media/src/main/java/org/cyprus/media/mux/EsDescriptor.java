package org.cyprus.media.mux;

/**
 * The ES_Descriptor an {@code esds} box carries (ISO/IEC 14496-14 §5.6, descriptors of ISO/IEC 14496-1 §7.2.6.5):
 * a DecoderConfigDescriptor naming the coding by objectTypeIndication — 0x40 MPEG-4 Audio with the
 * AudioSpecificConfig as DecoderSpecificInfo, 0x6B MPEG-1 audio, 0x69 MPEG-2 audio (Table 5), neither with any
 * specific info — and the SLConfigDescriptor MP4 files must use (predefined 2).
 */
final class EsDescriptor {
    private static final int ES_DESCRIPTOR_TAG = 0x03;
    private static final int DECODER_CONFIG_TAG = 0x04;
    private static final int DECODER_SPECIFIC_INFO_TAG = 0x05;
    private static final int SL_CONFIG_TAG = 0x06;
    private static final int OTI_MPEG4_AUDIO = 0x40;
    private static final int OTI_MPEG2_AUDIO = 0x69;
    private static final int OTI_MPEG1_AUDIO = 0x6B;
    /** streamType 5 (audio), upStream 0, reserved 1 (§7.2.6.6.1). */
    private static final int AUDIO_STREAM = 0x05 << 2 | 1;

    private EsDescriptor() {
    }

    /** Writes the {@code esds} box for {@code format}, ES_ID 0 as 14496-14 §3.1.2 asks of files. */
    static void writeEsds(BoxBuffer out, TrackFormat format) {
        byte[] config = format.decoderConfigView();
        int specificInfo = config.length == 0 ? 0 : descriptorBytes(config.length);
        int decoderConfig = 13 + specificInfo;
        int esDescriptor = 3 + descriptorBytes(decoderConfig) + descriptorBytes(1);
        int esds = out.beginFull("esds", 0, 0);
        header(out, ES_DESCRIPTOR_TAG, esDescriptor);
        out.u16(0); // ES_ID
        out.u8(0); // streamDependenceFlag, URL_Flag, OCRstreamFlag, streamPriority
        header(out, DECODER_CONFIG_TAG, decoderConfig);
        out.u8(objectTypeIndication(format));
        out.u8(AUDIO_STREAM);
        out.u24(0); // bufferSizeDB: not known here
        out.u32(0); // maxBitrate: not known here
        out.u32(0); // avgBitrate: 0 for a variable bitrate (§7.2.6.6.2)
        if (config.length > 0) {
            header(out, DECODER_SPECIFIC_INFO_TAG, config.length);
            out.bytes(config, 0, config.length);
        }
        header(out, SL_CONFIG_TAG, 1);
        out.u8(2); // predefined: reserved for use in MP4 files
        out.end(esds);
    }

    static int objectTypeIndication(TrackFormat format) {
        return switch (format.codec()) {
            case AAC -> OTI_MPEG4_AUDIO;
            default -> format.mpegVersion() == 1 ? OTI_MPEG1_AUDIO : OTI_MPEG2_AUDIO;
        };
    }

    /** A descriptor's bytes with its tag and size field (§8.3.3: the size in 7-bit groups, high groups flagged). */
    private static int descriptorBytes(int payloadBytes) {
        return 1 + lengthBytes(payloadBytes) + payloadBytes;
    }

    private static int lengthBytes(int payloadBytes) {
        int n = 1;
        while (payloadBytes >>> (7 * n) != 0) {
            n++;
        }
        return n;
    }

    private static void header(BoxBuffer out, int tag, int payloadBytes) {
        out.u8(tag);
        for (int group = lengthBytes(payloadBytes) - 1; group >= 0; group--) {
            int bits = (payloadBytes >>> (7 * group)) & 0x7F;
            out.u8(group > 0 ? bits | 0x80 : bits);
        }
    }
}
