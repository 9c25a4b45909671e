package org.cyprus.library.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One page request of a library's books.
 *
 * @param libraryId  the library
 * @param text       search text (every word matched as a prefix), if any
 * @param authorId   only books by this person
 * @param narratorId only books read by this person
 * @param seriesId   only books in this series
 * @param genreId    only books in this genre
 * @param sort       the order
 * @param descending whether the order is reversed
 * @param limit      most books on the page
 * @param after      the cursor the previous page returned, if any
 */
public record BookQuery(long libraryId, Optional<String> text, Optional<Long> authorId, Optional<Long> narratorId,
                        Optional<Long> seriesId, Optional<Long> genreId, BookSort sort, boolean descending, int limit,
                        Optional<Cursor> after) {
    public static final int MAX_LIMIT = 200;

    public BookQuery {
        Objects.requireNonNull(text);
        Objects.requireNonNull(sort);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (sort == BookSort.RELEVANCE && text.isEmpty()) {
            throw new IllegalArgumentException("relevance needs search text");
        }
    }
}
