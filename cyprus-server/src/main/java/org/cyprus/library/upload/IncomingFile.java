package org.cyprus.library.upload;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One uploaded file as the HTTP layer hands it over: the path it should have inside the book (as the client
 * named it, unchecked), its size, and how to write its bytes to a place on disk.
 */
public record IncomingFile(String relativePath, long sizeBytes, Writer writer) {

    /** Writes the file's bytes to {@code target}, which does not exist yet. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path target) throws IOException;
    }
}
