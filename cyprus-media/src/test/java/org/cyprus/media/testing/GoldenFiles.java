package org.cyprus.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text dumps: a parser's view of a fixture, written out as text and compared with the committed copy
 * under {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to (re)write them, then review
 * the diff like any other change.
 */
public final class GoldenFiles {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private GoldenFiles() {
    }

    /** Asserts that {@code actual} equals the golden file {@code name} (a path under the golden folder). */
    public static void assertMatches(String name, String actual) {
        Path file = GOLDEN.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s exists (create it with -Dgolden.update=true)", file).isRegularFile();
            assertThat(actual).as("dump of %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
