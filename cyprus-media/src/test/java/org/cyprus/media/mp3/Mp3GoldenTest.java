package org.cyprus.media.mp3;

import java.io.IOException;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden dumps of every committed fixture (see {@code fixtures/mp3/make-fixtures.sh} for how each was made):
 * headers, Xing/LAME/VBRI fields, every indexed frame and the probe result. Values were reviewed against
 * ffprobe's packets and LAME's own numbers; {@link FfprobeCrossCheckTest} keeps the frame lists honest.
 */
class Mp3GoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "cbr-22k-32k-ffmpeg-write-xing-0.mp3",
            "cbr-22k-64k-ffmpeg-info-lavc.mp3",
            "cbr-22k-64k-info-lame.mp3",
            "cbr-44k-32k-no-info-lame-t.mp3",
            "crc-protected-lame-p-info.mp3",
            "free-format-16k-24k-lame.mp3",
            "garbage-in-middle-resync.mp3",
            "junk-and-fake-sync-before-first-frame.mp3",
            "layer2-22k-32k-ffmpeg-crc.mp2",
            "mpeg1-44k-64k-joint-stereo-info.mp3",
            "mpeg2-16k-32k-mono-no-info.mp3",
            "mpeg2-24k-joint-stereo-vbr-xing.mp3",
            "mpeg25-8k-24k-info-lame-resample-8.mp3",
            "samplerate-change-concatenated.mp3",
            "text-renamed.mp3",
            "truncated-mid-frame.mp3",
            "vbr-22k-no-xing-lame-t.mp3",
            "vbr-22k-xing-lame-v9.mp3",
            "vbr-xing-truncated-mid-frame.mp3",
            "zero-bytes.mp3"})
    void dumpMatchesGolden(String fixture) throws IOException {
        String dump = Mp3Dump.of(fixture, Fixtures.bytes("mp3/" + fixture));
        GoldenFiles.assertMatches("mp3/" + fixture.replaceAll("\\.mp[23]$", "") + ".txt", dump);
    }
}
