package org.cyprus.library.catalog;

/** How a list of books is ordered; each has a natural direction used when none is asked for. */
public enum BookSort {
    TITLE(false),
    AUTHOR(false),
    ADDED(true),
    DURATION(false),
    SERIES(false),
    /** Best match first; only with a search text. */
    RELEVANCE(false);

    private final boolean descendingByDefault;

    BookSort(boolean descendingByDefault) {
        this.descendingByDefault = descendingByDefault;
    }

    public boolean descendingByDefault() {
        return descendingByDefault;
    }
}
