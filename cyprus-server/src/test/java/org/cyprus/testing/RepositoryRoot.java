package org.cyprus.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in, as the build passes it (system property {@code cyprus.root}). */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    public static Path path() {
        String root = System.getProperty("cyprus.root");
        Path path = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("cyprus"))) {
            throw new IllegalStateException("not the Cyprus checkout: " + path);
        }
        return path;
    }

    public static Path sampleLibrary() {
        return path().resolve("samples/library");
    }
}
