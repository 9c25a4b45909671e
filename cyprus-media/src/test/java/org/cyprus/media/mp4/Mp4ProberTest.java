package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.SeekPoint;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The public API as streaming and scanning code will call it. */
class Mp4ProberTest {

    @Test
    void probeAndAudioTrackAgree() throws IOException, MediaException {
        try (FileByteSource source = FileByteSource.open(Fixtures.path(Mp4Crafts.MOOV_LAST))) {
            assertThat(Mp4Prober.looksLikeMp4(source)).isTrue();
            MediaInfo info = Mp4Prober.probe(source);
            Mp4AudioTrack track = Mp4Prober.audioTrack(source);
            assertThat(info.format()).isEqualTo(ContainerFormat.MP4);
            assertThat(info.seekIndex()).isEqualTo(track.sampleTable());
            assertThat(info.seekIndex().exact()).isTrue();
            assertThat(track.trackId()).isEqualTo(1);
            assertThat(track.timescale()).isEqualTo(8000);
            assertThat(track.codec()).isEqualTo(Codec.AAC);
            assertThat(track.codecDetail()).isEqualTo(info.codecDetail()).isEqualTo("AAC LC");
            assertThat(track.audioSpecificConfig().raw()).isEqualTo(AudioSpecificConfigTest.hex("158856e500"));
            assertThat(track.sampleRateHz()).isEqualTo(8000);
            assertThat(track.channels()).isEqualTo(1);
            assertThat(track.primingSamples()).isEqualTo(1024);
            assertThat(track.paddingSamples()).isZero();
            assertThat(track.durationUs()).isEqualTo(info.durationUs()).isEqualTo(2_128_000);
            assertThat(track.gaplessDurationUs()).isEqualTo(info.gaplessDurationUs()).isEqualTo(2_000_000);
            assertThat(info.audioStartByte()).isEqualTo(track.sampleTable().frameOffset(0));
        }
    }

    /** Seeking lands on the packet ffprobe shows covering that time (sample times include the priming). */
    @Test
    void seekingLandsOnTheSampleFfprobeShows() throws IOException, MediaException {
        Path file = Fixtures.path(Mp4Crafts.FASTSTART);
        List<Ffprobe.Packet> packets = Ffprobe.packets(file);
        try (FileByteSource source = FileByteSource.open(file)) {
            SampleTable table = Mp4Prober.audioTrack(source).sampleTable();
            long priming = 1024;
            for (long presentationUs = 0; presentationUs < 2_000_000; presentationUs += 37_000) {
                long mediaUs = presentationUs + priming * 1_000_000 / 8000;
                SeekPoint point = table.seek(mediaUs);
                long pts = presentationUs * 8000 / 1_000_000;
                Ffprobe.Packet expected = packets.stream().filter(p -> p.pts() <= pts && pts < p.pts() + p.duration())
                        .findFirst().orElseThrow();
                assertThat(point.byteOffset()).as("%d us", presentationUs).isEqualTo(expected.pos());
                assertThat(table.timeAt(point.byteOffset())).isEqualTo(point.timeUs());
            }
        }
    }

    @Test
    void everyFixtureLooksLikeMp4() throws IOException {
        for (String name : Mp4FixturesTest.fixtures()) {
            try (FileByteSource source = FileByteSource.open(Fixtures.path("mp4/" + name))) {
                assertThat(Mp4Prober.looksLikeMp4(source)).as(name).isTrue();
            }
        }
    }
}
