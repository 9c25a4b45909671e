package org.cyprus.library.catalog;

/** A value books can be filtered by (a person, a series, a genre) and how many books have it. */
public record Facet(long id, String name, long bookCount) {
}
