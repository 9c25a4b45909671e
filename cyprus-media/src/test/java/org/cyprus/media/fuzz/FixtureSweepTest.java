package org.cyprus.media.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed fixture of every format, whole, cut short and with bytes flipped, through the facade: the
 * property the fuzz tests hold, checked over real-world shapes on every run.
 */
class FixtureSweepTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Stream<Path> fixtures() throws IOException {
        return Files.walk(FIXTURES).filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".sh")).sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void wholeCutAndDamagedFilesOnlyEverFailCleanly(Path fixture) throws IOException {
        byte[] bytes = Files.readAllBytes(fixture);
        ParserTargets.probe(bytes);
        Random random = new Random(fixture.getFileName().toString().hashCode());
        for (int round = 0; round < 40; round++) {
            int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            ParserTargets.probe(java.util.Arrays.copyOf(bytes, cut));
            byte[] damaged = bytes.clone();
            for (int flips = 0; flips < 1 + random.nextInt(8) && damaged.length > 0; flips++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            ParserTargets.probe(damaged);
        }
    }
}
