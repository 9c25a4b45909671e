package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The packed table answers exactly what the table it was packed from answers, for every frame and every byte. */
class PackedFrameTableTest {

    static List<String> fixtures() {
        return MuxFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void answersAsTheOriginalTable(String name) throws IOException, MediaException {
        try (ByteSource source = FileByteSource.open(MuxFixtures.path(name))) {
            FrameTable original = MediaProbe.frameTable(source);
            int header = name.endsWith(".aac") ? 7 : 0;
            PackedFrameTable packed = header == 0 ? PackedFrameTable.of(original)
                    : PackedFrameTable.withoutHeaders(original, header);
            assertSameFrames(packed, original, header);
            assertThat(packed.durationUs()).isEqualTo(original.durationUs());
            assertThat(packed.footprintBytes()).isLessThan(64L * 1024 + 3L * packed.frameCount());
            assertThat(PackedFrameTable.of(packed)).isSameAs(packed);
        }
    }

    @Test
    void framesOverSixtyFourKilobytesAndGapsAndChangingDurationsArePacked() throws MediaException {
        FrameTable odd = new FrameTable() {
            @Override
            public long timescale() {
                return 1000;
            }

            @Override
            public int frameCount() {
                return 300;
            }

            @Override
            public long frameOffset(int index) {
                // three chunks stored in reverse order, as an MP4 may store them
                int chunk = index / 100;
                return (2 - chunk) * 100_000_000L + (index % 100) * 100_000L;
            }

            @Override
            public int frameSize(int index) {
                return index == 150 ? 70_000 : 1 + index;
            }

            @Override
            public long frameTime(int index) {
                return 500 + index * 20L + Math.max(0, index - 200) * 5L;
            }

            @Override
            public long frameDuration(int index) {
                return index < 200 ? 20 : 25;
            }

            @Override
            public int frameAt(long time) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long timeAt(long byteOffset) {
                throw new UnsupportedOperationException();
            }
        };
        PackedFrameTable packed = PackedFrameTable.of(odd);
        assertThat(packed.spanCount()).isEqualTo(300);
        assertThat(packed.frameSize(150)).isEqualTo(70_000);
        assertThat(packed.frameTime(0)).isEqualTo(500);
        assertThat(packed.endTime()).isEqualTo(500 + 200 * 20 + 100 * 25);
        assertThat(packed.frameAt(0)).isZero();
        assertThat(packed.frameAt(Long.MAX_VALUE)).isEqualTo(299);
        for (int i = 0; i < 300; i++) {
            assertThat(packed.frameOffset(i)).isEqualTo(odd.frameOffset(i));
            assertThat(packed.frameTime(i)).isEqualTo(odd.frameTime(i));
            assertThat(packed.frameAt(odd.frameTime(i) + odd.frameDuration(i) - 1)).isEqualTo(i);
            assertThat(packed.frameContaining(odd.frameOffset(i) + 1)).isEqualTo(i);
        }
    }

    @Test
    void unpackableTablesAreRefused() {
        assertThatThrownBy(() -> PackedFrameTable.of(new UniformTable(44100, 0, 100, 1152)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.NO_AUDIO));
        assertThatThrownBy(() -> PackedFrameTable.of(new UniformTable(44100, 5, 0, 1152)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
        assertThatThrownBy(() -> PackedFrameTable.of(new UniformTable(44100, 5, 2 << 20, 1152)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
        assertThatThrownBy(() -> PackedFrameTable.of(new UniformTable(44100, 5, 100, 1L << 31)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
        assertThatThrownBy(() -> PackedFrameTable.withoutHeaders(new UniformTable(44100, 5, 7, 1024), 7))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
    }

    static void assertSameFrames(FrameTable packed, FrameTable original, int headerBytes) {
        assertThat(packed.frameCount()).isEqualTo(original.frameCount());
        assertThat(packed.timescale()).isEqualTo(original.timescale());
        for (int i = 0; i < original.frameCount(); i++) {
            long offset = original.frameOffset(i) + headerBytes;
            assertThat(packed.frameOffset(i)).as("offset of %d", i).isEqualTo(offset);
            assertThat(packed.frameSize(i)).as("size of %d", i).isEqualTo(original.frameSize(i) - headerBytes);
            assertThat(packed.frameTime(i)).as("time of %d", i).isEqualTo(original.frameTime(i));
            assertThat(packed.frameDuration(i)).as("duration of %d", i).isEqualTo(original.frameDuration(i));
            assertThat(packed.frameAt(original.frameTime(i))).as("frame at time of %d", i).isEqualTo(i);
            assertThat(packed.timeAt(offset)).isEqualTo(original.toMicros(original.frameTime(i)));
            assertThat(packed.seek(original.toMicros(original.frameTime(i)) + 1).byteOffset()).isEqualTo(offset);
        }
    }
}
