package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.cyprus.media.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Codec strings for fMP4 and MPEG-TS playlists, stream identity, and what a format refuses to be. */
class TrackFormatTest {
    /** AOT 2, 44100 Hz (index 4), stereo, GASpecificConfig 000. */
    static final byte[] LC_44K_STEREO = HexFormat.of().parseHex("1210");
    /** AOT 5, core 22050 Hz (index 7), stereo, SBR 44100 Hz (index 4), core AOT 2, GASpecificConfig 000. */
    static final byte[] HE_AAC_EXPLICIT = HexFormat.of().parseHex("2b920800");
    /** AOT 29, core 22050 Hz, mono, SBR 44100 Hz, core AOT 2: 11101 0111 0001 0100 00010 000. */
    static final byte[] HE_AAC_V2_EXPLICIT = HexFormat.of().parseHex("eb8a0800");
    /** LC 22050 Hz stereo, then backward-compatible SBR signalling (sync extension 0x2b7, AOT 5, SBR 44100 Hz). */
    static final byte[] HE_AAC_BACKWARD_COMPATIBLE = HexFormat.of().parseHex("139056e5a0");

    @ParameterizedTest
    @CsvSource({
        "1210, mp4a.40.2",
        "2b920800, mp4a.40.5",
        "eb8a0800, mp4a.40.29",
        "139056e5a0, mp4a.40.2",
        "0a10, mp4a.40.1",
    })
    void aacCodecStringNamesTheFirstObjectType(String asc, String codec) {
        TrackFormat format = new TrackFormat(Codec.AAC, 44100, 2, 44100, HexFormat.of().parseHex(asc));
        assertThat(format.rfc6381Codec()).isEqualTo(codec);
        assertThat(format.hlsTsCodec()).isEqualTo(codec);
    }

    @ParameterizedTest
    @CsvSource({
        "MP3, 44100, mp4a.6B, mp4a.40.34",
        "MP3, 48000, mp4a.6B, mp4a.40.34",
        "MP3, 32000, mp4a.6B, mp4a.40.34",
        "MP3, 22050, mp4a.69, mp4a.40.34",
        "MP3, 16000, mp4a.69, mp4a.40.34",
        "MP3, 8000, mp4a.69, mp4a.40.34",
        "MP2, 48000, mp4a.6B, mp4a.40.33",
        "MP2, 24000, mp4a.69, mp4a.40.33",
    })
    void mpegAudioCodecStringsFollowVersionAndLayer(Codec codec, int rate, String fmp4, String ts) {
        TrackFormat format = new TrackFormat(codec, rate, 2, rate, new byte[0]);
        assertThat(format.rfc6381Codec()).isEqualTo(fmp4);
        assertThat(format.hlsTsCodec()).isEqualTo(ts);
    }

    @Test
    void escapedObjectTypeIsDecoded() {
        // 11111 (escape) 000010 (32 + 2 = 34, Layer-3), then index 4 and stereo.
        byte[] asc = HexFormat.of().parseHex("f84840");
        TrackFormat format = new TrackFormat(Codec.AAC, 44100, 2, 44100, asc);
        assertThat(format.rfc6381Codec()).isEqualTo("mp4a.40.34");
    }

    @Test
    void sameStreamNeedsEveryFieldEqual() {
        TrackFormat base = new TrackFormat(Codec.AAC, 44100, 2, 44100, LC_44K_STEREO);
        assertThat(base.sameStreamAs(new TrackFormat(Codec.AAC, 44100, 2, 44100, LC_44K_STEREO.clone()))).isTrue();
        assertThat(base.sameStreamAs(new TrackFormat(Codec.AAC, 48000, 2, 44100, LC_44K_STEREO))).isFalse();
        assertThat(base.sameStreamAs(new TrackFormat(Codec.AAC, 44100, 1, 44100, LC_44K_STEREO))).isFalse();
        assertThat(base.sameStreamAs(new TrackFormat(Codec.AAC, 44100, 2, 88200, LC_44K_STEREO))).isFalse();
        assertThat(base.sameStreamAs(new TrackFormat(Codec.AAC, 44100, 2, 44100, HE_AAC_EXPLICIT))).isFalse();
        TrackFormat mp3 = new TrackFormat(Codec.MP3, 44100, 2, 44100, new byte[0]);
        assertThat(mp3.sameStreamAs(new TrackFormat(Codec.MP2, 44100, 2, 44100, new byte[0]))).isFalse();
        assertThat(mp3.sameStreamAs(new TrackFormat(Codec.MP3, 44100, 2, 44100, new byte[0]))).isTrue();
    }

    @Test
    void equalityIsByContentAndTheConfigIsCopiedInAndOut() {
        byte[] asc = LC_44K_STEREO.clone();
        TrackFormat format = new TrackFormat(Codec.AAC, 44100, 2, 44100, asc);
        asc[0] = 0x13;
        format.decoderConfig()[1] = 0;
        assertThat(format.decoderConfig()).isEqualTo(LC_44K_STEREO);
        TrackFormat twin = new TrackFormat(Codec.AAC, 44100, 2, 44100, LC_44K_STEREO);
        assertThat(format).isEqualTo(twin).hasSameHashCodeAs(twin);
        assertThat(format.toString()).contains("aac", "44100 Hz", "1210");
    }

    @Test
    void refusesWhatCannotBePacked() {
        assertThatThrownBy(() -> new TrackFormat(Codec.FLAC, 44100, 2, 44100, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flac");
        assertThatThrownBy(() -> new TrackFormat(Codec.MP1, 44100, 2, 44100, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackFormat(Codec.MP3, 44000, 2, 44000, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackFormat(Codec.MP3, 44100, 2, 44100, LC_44K_STEREO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackFormat(Codec.AAC, 44100, 2, 44100, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackFormat(Codec.AAC, 44100, 2, 44100, new byte[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse");
        assertThatThrownBy(() -> new TrackFormat(Codec.AAC, 44100, 0, 44100, LC_44K_STEREO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackFormat(Codec.AAC, 44100, 2, 0, LC_44K_STEREO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackFormat(Codec.AAC, 44100, 2, 1L << 32, LC_44K_STEREO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
