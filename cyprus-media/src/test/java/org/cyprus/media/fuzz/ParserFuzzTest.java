package org.cyprus.media.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the parsers with Jazzer. In the normal test run these replay their seed and crash
 * inputs ({@code src/test/resources/org/cyprus/media/fuzz/ParserFuzzTestInputs/<method>/}) as regression tests;
 * with {@code JAZZER_FUZZ=1} they fuzz for {@code maxDuration} each (see this module's README).
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void probe(byte[] data) {
        ParserTargets.probe(data);
    }

    @FuzzTest(maxDuration = "5m")
    void id3(byte[] data) {
        ParserTargets.id3(data);
    }

    @FuzzTest(maxDuration = "5m")
    void mp3(byte[] data) {
        ParserTargets.mp3(data);
    }

    @FuzzTest(maxDuration = "5m")
    void mp4(byte[] data) {
        ParserTargets.mp4(data);
    }
}
