package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HE-AAC and HE-AACv2 signalling. This FFmpeg build has no HE-AAC encoder (it would need libfdk_aac), so real SBR
 * and PS data cannot be made here; instead the AAC LC access units of a 22.05 kHz fixture are labelled with explicit
 * HE-AAC (object type 5) and HE-AACv2 (29) configurations over that LC core, which a decoder accepts (SBR and PS
 * data are optional in the stream). What is checked is what the writers do with the signalling: fMP4 carries the
 * configuration as it is (FFmpeg then decodes at the SBR rate, 44.1 kHz), while ADTS — in a bare stream and in
 * MPEG-TS — falls back to implicit signalling, byte for byte the LC stream's headers.
 */
class HeAacSignallingTest {
    private static final String CORE_FIXTURE = "aac-lc-22k-mono-two-tracks-chapters.m4b";

    @ParameterizedTest
    @CsvSource({
        // 00101 (AOT 5) 0111 (22050) 0001 (mono) 0100 (SBR 44100) 00010 (core LC) 000
        "2b8a0800, 1, mp4a.40.5",
        // 11101 (AOT 29) 0111 0001 0100 00010 000
        "eb8a0800, 2, mp4a.40.29",
    })
    void fmp4CarriesExplicitSignallingAndAdtsFallsBackToItsCore(String asc, int channels, String codec,
            @TempDir Path tmp) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(CORE_FIXTURE))) {
            AudioStream lc = MediaProbe.audioStream(source);
            TrackFormat he = new TrackFormat(Codec.AAC, 44100, channels, lc.format().timescale(),
                    HexFormat.of().parseHex(asc));
            assertThat(he.rfc6381Codec()).isEqualTo(codec);
            assertThat(he.sameStreamAs(lc.format())).isFalse();

            ByteArrayOutputStream fmp4 = new ByteArrayOutputStream();
            ByteArrayOutputStream lcAdts = new ByteArrayOutputStream();
            ByteArrayOutputStream heAdts = new ByteArrayOutputStream();
            fmp4.write(Fmp4Writer.initSegment(he));
            int sequence = 1;
            for (FrameRun run : Cuts.of(source, lc, 6)) {
                FrameRun relabelled = new FrameRun(he, run.startTime(), run.frameSizes(), run.frameDurations(),
                        run.payload());
                fmp4.write(Fmp4Writer.mediaSegment(relabelled, sequence++));
                ElementaryStream.write(run, lcAdts);
                ElementaryStream.write(relabelled, heAdts);
                assertThat(MpegTsWriter.segment(relabelled, 3)).isEqualTo(MpegTsWriter.segment(run, 3));
            }
            assertThat(heAdts.toByteArray()).isEqualTo(lcAdts.toByteArray());

            Path file = Files.write(tmp.resolve("he.mp4"), fmp4.toByteArray());
            assertThat(FfprobePackets.decodeErrors(file)).isEmpty();
            assertThat(Tools.ffprobe("-select_streams", "a:0", "-show_entries", "stream=sample_rate", "-of", "csv=p=0",
                    file.toString()).strip()).isEqualTo("44100");
            SegmentCrossCheckTest.assertPackets(FfprobePackets.of(file), lc.frames(), 0);
        }
    }
}
