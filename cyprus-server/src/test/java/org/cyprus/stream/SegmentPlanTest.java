package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.stream.SyntheticAudio.MP3_22;
import static org.cyprus.stream.SyntheticAudio.MP3_44;

import org.cyprus.stream.SyntheticAudio.PartSpec;
import org.junit.jupiter.api.Test;

class SegmentPlanTest {
    /** 1152 samples at 44.1 kHz: 26.12 ms. Six seconds need 230 frames (229.7 rounded up). */
    private static final int FRAMES_PER_SEGMENT_44 = 230;

    @Test
    void segmentsAreAboutSixSecondsCutAtFramesAndCrossPartBoundariesOfOneFormat() {
        BookAudio book = SyntheticAudio.book("v", new PartSpec(MP3_44, 1000), new PartSpec(MP3_44, 1000));
        SegmentPlan plan = SegmentPlan.of(book);

        long expectedStart = 0;
        for (int n = 0; n < plan.size(); n++) {
            SegmentPlan.Segment segment = plan.segment(n);
            assertThat(segment.startTime()).as("segment %d starts where the one before ended", n).isEqualTo(expectedStart);
            assertThat(segment.durationTime() % 1152).as("whole frames").isZero();
            expectedStart += segment.durationTime();
        }
        assertThat(expectedStart).as("the segments cover the book").isEqualTo(2000L * 1152);
        assertThat(plan.segment(0).durationTime()).isEqualTo(FRAMES_PER_SEGMENT_44 * 1152L);
        SegmentPlan.Segment straddling = plan.segment(4);
        assertThat(straddling.part()).isZero();
        assertThat(straddling.frame()).isEqualTo(4 * FRAMES_PER_SEGMENT_44);
        assertThat(plan.segment(5).part()).as("the next one starts inside part 2").isEqualTo(1);
        assertThat(plan.segment(5).frame()).isEqualTo(5 * FRAMES_PER_SEGMENT_44 - 1000);
        assertThat(plan.targetDurationSeconds()).isEqualTo(6);
    }

    @Test
    void aShortTailJoinsTheSegmentBeforeIt() {
        // 250 frames: one segment of 230 and a tail of 20 frames (0.5 s), which is folded in.
        SegmentPlan plan = SegmentPlan.of(SyntheticAudio.book("v", new PartSpec(MP3_44, 250)));

        assertThat(plan.size()).isEqualTo(1);
        assertThat(plan.segment(0).durationTime()).isEqualTo(250 * 1152L);
        assertThat(plan.targetDurationSeconds()).as("6.53 s rounds to 7").isEqualTo(7);
    }

    @Test
    void aFormatChangeStartsANewSegmentOnAContinuingTimeline() {
        BookAudio book = SyntheticAudio.book("v", new PartSpec(MP3_44, 300), new PartSpec(MP3_22, 300));
        SegmentPlan plan = SegmentPlan.of(book);

        assertThat(plan.firstOfGroup(0)).isZero();
        int second = plan.firstOfGroup(1);
        assertThat(plan.endOfGroup(0)).isEqualTo(second);
        SegmentPlan.Segment first22 = plan.segment(second);
        assertThat(first22.group()).isEqualTo(1);
        assertThat(first22.part()).isEqualTo(1);
        assertThat(first22.frame()).isZero();
        long endOf44Us = 300L * 1152 * 1_000_000 / 44_100;
        assertThat(Timescales.toMicros(first22.startTime(), 22_050)).isBetween(endOf44Us - 46, endOf44Us);
        assertThat(plan.endOfGroup(1)).isEqualTo(plan.size());
    }

    @Test
    void bitratesComeFromTheRealSegments() {
        SegmentPlan plan = SegmentPlan.of(SyntheticAudio.book("v", new PartSpec(MP3_44, 1000)));

        // 418 bytes per 26.12 ms frame: 128 kbit/s.
        assertThat(plan.averageBitrate()).isBetween(127_900L, 128_100L);
        assertThat(plan.peakBitrate()).isBetween(127_900L, 128_100L);
        assertThatThrownBy(() -> plan.segment(plan.size())).isInstanceOf(StreamException.class);
        assertThatThrownBy(() -> plan.segment(-1)).isInstanceOf(StreamException.class);
    }
}
