package org.cyprus.library.catalog;

import java.util.List;
import java.util.Optional;
import org.cyprus.library.SeriesRef;

/** A book as lists show it. */
public record BookSummary(String id, long libraryId, String title, Optional<String> subtitle, List<String> authors,
                          List<String> narrators, List<SeriesRef> series, long durationUs, Optional<String> coverHash,
                          long addedAtMs, boolean missing) {
}
