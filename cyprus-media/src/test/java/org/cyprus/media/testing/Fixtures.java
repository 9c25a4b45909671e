package org.cyprus.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed fixture files under {@code src/test/resources/fixtures/}, each named for the edge case it covers. */
public final class Fixtures {
    private static final Path ROOT = Path.of("src/test/resources/fixtures");

    private Fixtures() {
    }

    public static Path path(String name) {
        Path file = ROOT.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no fixture " + file.toAbsolutePath());
        }
        return file;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
