package org.cyprus.media.mp4;

import java.util.HexFormat;

/**
 * What an {@code esds} box says about an elementary stream (ISO/IEC 14496-1 §7.2.6.5–7.2.6.7): the
 * DecoderConfigDescriptor's object type and bitrates, and the DecoderSpecificInfo bytes.
 *
 * @param objectTypeIndication 0x40 for MPEG-4 Audio (AAC), 0x66–0x68 for MPEG-2 AAC, 0x69/0x6B for MPEG-2/MPEG-1 audio
 * @param maxBitrateBps        peak bitrate, 0 when unknown
 * @param avgBitrateBps        average bitrate, 0 when variable or unknown
 * @param decoderSpecificInfo  the DecoderSpecificInfo payload (an AudioSpecificConfig for AAC), possibly empty
 */
record EsDescriptor(int objectTypeIndication, long maxBitrateBps, long avgBitrateBps, byte[] decoderSpecificInfo) {

    static final int OTI_MPEG4_AUDIO = 0x40;
    static final int OTI_MPEG2_AAC_MAIN = 0x66;
    static final int OTI_MPEG2_AAC_SSR = 0x68;
    static final int OTI_MPEG2_AUDIO = 0x69;
    static final int OTI_MPEG1_AUDIO = 0x6B;

    boolean aac() {
        return objectTypeIndication == OTI_MPEG4_AUDIO
                || (objectTypeIndication >= OTI_MPEG2_AAC_MAIN && objectTypeIndication <= OTI_MPEG2_AAC_SSR);
    }

    boolean mpegAudio() {
        return objectTypeIndication == OTI_MPEG2_AUDIO || objectTypeIndication == OTI_MPEG1_AUDIO;
    }

    @Override
    public String toString() {
        return String.format("EsDescriptor[objectTypeIndication=0x%02x, maxBitrateBps=%d, avgBitrateBps=%d, "
                + "decoderSpecificInfo=%s]", objectTypeIndication, maxBitrateBps, avgBitrateBps,
                HexFormat.of().formatHex(decoderSpecificInfo));
    }
}
