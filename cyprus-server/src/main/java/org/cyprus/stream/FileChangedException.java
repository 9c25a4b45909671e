package org.cyprus.stream;

import java.io.IOException;
import java.nio.file.Path;

/** The file on disk is no longer the version a response was decided for: it changed between looking and opening. */
public final class FileChangedException extends IOException {
    public FileChangedException(Path path, String what) {
        super(path + " changed on disk: " + what);
    }
}
