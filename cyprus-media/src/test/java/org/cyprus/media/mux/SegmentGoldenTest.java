package org.cyprus.media.mux;

import java.util.HexFormat;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/**
 * Golden dumps of small segments built from made-up runs (so that no encoder's output is involved): any change in
 * what the writers emit shows up as a reviewable text diff under {@code golden/mux/}. Regenerate with
 * {@code -Dgolden.update=true}.
 */
class SegmentGoldenTest {
    private static final TrackFormat AAC_LC = new TrackFormat(Codec.AAC, 44100, 2, 44100, HexFormat.of().parseHex("1210"));
    private static final TrackFormat HE_AAC = new TrackFormat(Codec.AAC, 44100, 2, 22050,
            HexFormat.of().parseHex("2b920800"));
    private static final TrackFormat MP3 = new TrackFormat(Codec.MP3, 44100, 2, 44100, new byte[0]);
    private static final TrackFormat MP2_LSF = new TrackFormat(Codec.MP2, 24000, 1, 24000, new byte[0]);

    @Test
    void initSegments() {
        GoldenFiles.assertMatches("mux/init-aac-lc-44k-stereo.txt", BoxDump.of(Fmp4Writer.initSegment(AAC_LC)));
        GoldenFiles.assertMatches("mux/init-he-aac-explicit.txt", BoxDump.of(Fmp4Writer.initSegment(HE_AAC)));
        GoldenFiles.assertMatches("mux/init-mp3-mpeg1.txt", BoxDump.of(Fmp4Writer.initSegment(MP3)));
        GoldenFiles.assertMatches("mux/init-mp2-mpeg2-mono.txt", BoxDump.of(Fmp4Writer.initSegment(MP2_LSF)));
    }

    @Test
    void mediaSegments() {
        FrameRun varying = run(AAC_LC, 88200, new int[] {371, 402, 388, 365, 390}, new int[] {1024, 1024, 1024, 1024, 465});
        GoldenFiles.assertMatches("mux/media-aac-varying-sizes-and-durations.txt",
                BoxDump.of(Fmp4Writer.mediaSegment(varying, 3)));
        FrameRun constant = run(MP3, 44100L * 3600 * 30, new int[] {417, 417, 417, 417}, new int[] {1152, 1152, 1152, 1152});
        GoldenFiles.assertMatches("mux/media-mp3-constant-frames-at-30-hours.txt",
                BoxDump.of(Fmp4Writer.mediaSegment(constant, 4_000_000_000L)));
    }

    @Test
    void transportStreamSegments() throws MediaException {
        FrameRun aac = run(AAC_LC, 441000, new int[] {371, 9, 388}, new int[] {1024, 1024, 1024});
        GoldenFiles.assertMatches("mux/ts-aac-adts-3-frames.txt", TsDump.of(MpegTsWriter.segment(aac, 14)));
        int[] sizes = new int[25];
        int[] durations = new int[25];
        java.util.Arrays.fill(sizes, 104);
        java.util.Arrays.fill(durations, 1152);
        // 25 frames of 1152 samples are 0.65 s: two PES packets; at 27 hours the 33-bit PTS has wrapped once.
        FrameRun mp3 = run(MP3, 44100L * 3600 * 27, sizes, durations);
        GoldenFiles.assertMatches("mux/ts-mp3-two-pes-pts-wrapped.txt", TsDump.of(MpegTsWriter.segment(mp3, 0)));
    }

    /** A run whose payload counts up byte by byte, so that every frame's bytes are recognisable in a dump. */
    private static FrameRun run(TrackFormat format, long start, int[] sizes, int[] durations) {
        byte[] payload = new byte[java.util.Arrays.stream(sizes).sum()];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        return new FrameRun(format, start, sizes, durations, payload);
    }
}
