package org.cyprus.library;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A named collection of audiobooks kept in one or more root folders.
 *
 * @param id    internal id
 * @param name  display name, unique
 * @param roots its root folders
 */
public record Library(long id, String name, List<Root> roots) {
    public Library {
        Objects.requireNonNull(name);
        roots = List.copyOf(roots);
    }

    /** One root folder of a library, stored as an absolute, normalised path. */
    public record Root(long id, Path path) {
    }
}
