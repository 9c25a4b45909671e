package org.cyprus.library.catalog;

import java.util.List;
import java.util.Optional;

/** One page of a list and the cursor of the next, absent on the last page. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
