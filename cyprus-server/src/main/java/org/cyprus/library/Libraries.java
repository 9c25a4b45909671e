package org.cyprus.library;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where libraries and their roots are kept. */
public interface Libraries {

    /** Creates a library; the caller has checked the name and the roots. */
    Library create(String name, List<Path> roots, long nowMs);

    List<Library> all();

    Optional<Library> byId(long id);

    Optional<Library> byName(String name);

    /** Deletes a library with its books. */
    boolean delete(long id);
}
