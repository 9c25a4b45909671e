package org.cyprus.media.mp3;

import java.util.Optional;
import org.cyprus.media.Codec;

/** The audio layer a frame header declares, with the layer's bitrate table and frame geometry. */
public enum MpegLayer {
    LAYER_1("Layer I", Codec.MP1,
            new int[] {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            new int[] {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}),
    LAYER_2("Layer II", Codec.MP2,
            new int[] {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            new int[] {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}),
    LAYER_3("Layer III", Codec.MP3,
            new int[] {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
            new int[] {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160});

    private final String label;
    private final Codec codec;
    private final int[] mpeg1BitratesKbps;
    private final int[] lsfBitratesKbps;

    MpegLayer(String label, Codec codec, int[] mpeg1BitratesKbps, int[] lsfBitratesKbps) {
        this.label = label;
        this.codec = codec;
        this.mpeg1BitratesKbps = mpeg1BitratesKbps;
        this.lsfBitratesKbps = lsfBitratesKbps;
    }

    /** The layer from the header's two layer bits: {@code 11} I, {@code 10} II, {@code 01} III, {@code 00} reserved. */
    static Optional<MpegLayer> fromBits(int bits) {
        return switch (bits & 3) {
            case 3 -> Optional.of(LAYER_1);
            case 2 -> Optional.of(LAYER_2);
            case 1 -> Optional.of(LAYER_3);
            default -> Optional.empty();
        };
    }

    /**
     * The bitrate for {@code bitrate_index} 0..14 (0 is free format; 15 is forbidden and rejected by the caller):
     * ISO/IEC 11172-3 §2.4.2.3 for MPEG-1, ISO/IEC 13818-3 §2.4.2.3 for the lower sampling frequencies.
     */
    int bitrateKbps(MpegVersion version, int index) {
        return version.lowSamplingFrequency() ? lsfBitratesKbps[index] : mpeg1BitratesKbps[index];
    }

    /** PCM samples per channel in one frame: 384 (I), 1152 (II), 1152 (III, MPEG-1) or 576 (III, MPEG-2/2.5). */
    public int samplesPerFrame(MpegVersion version) {
        return switch (this) {
            case LAYER_1 -> 384;
            case LAYER_2 -> 1152;
            case LAYER_3 -> version.lowSamplingFrequency() ? 576 : 1152;
        };
    }

    /** Bytes in one padding slot: 4 in Layer I, 1 otherwise (ISO/IEC 11172-3 §2.4.3.1). */
    public int slotBytes() {
        return this == LAYER_1 ? 4 : 1;
    }

    public Codec codec() {
        return codec;
    }

    /** How the layer is written in descriptions, e.g. {@code Layer III}. */
    public String label() {
        return label;
    }
}
