package org.cyprus.media.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled sample library, probed and cross-checked against ffprobe's packet counts and chapters. */
class SampleLibraryTest {
    static Stream<Path> samples() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("../samples/library"))) {
            return walk.filter(f -> f.toString().endsWith(".mp3") || f.toString().endsWith(".m4b")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void durationsAndChaptersAgreeWithFfprobe(Path file) {
        MediaInfo info = ((ProbeResult.Probed) MediaProbe.probe(file)).info();
        String packets = Tools.ffprobe("-select_streams", "a:0", "-show_entries", "packet=duration_time", "-of", "csv=p=0", file.toString());
        double summed = packets.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")[0]).mapToDouble(Double::parseDouble).sum();

        assertThat(info.durationSeconds()).as("sum of ffprobe's packet durations").isCloseTo(summed, within(0.03));
        List<String> ffChapters = Tools.ffprobe("-show_entries", "chapter=start_time", "-of", "csv=p=0", file.toString())
                .lines().filter(l -> !l.isBlank()).toList();
        assertThat(info.chapters()).hasSize(ffChapters.size());
        for (int i = 0; i < ffChapters.size(); i++) {
            assertThat(info.chapters().get(i).startUs() / 1e6).isCloseTo(Double.parseDouble(ffChapters.get(i).split(",")[0]), within(0.002));
        }
        assertThat(info.warnings()).allMatch(w -> w.contains("CRC"));
    }
}
