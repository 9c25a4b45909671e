package org.cyprus.library.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Browsing and searching the books the scanner found. */
public interface Catalog {

    Page<BookSummary> books(BookQuery query);

    Optional<BookDetail> book(String bookId);

    /** The facet values of the given libraries with their book counts, most books first, optionally by name prefix. */
    List<Facet> facets(FacetKind kind, Set<Long> libraryIds, Optional<String> namePrefix, int limit);

    /** How many books each library holds (missing ones not counted). */
    java.util.Map<Long, Long> bookCounts();
}
