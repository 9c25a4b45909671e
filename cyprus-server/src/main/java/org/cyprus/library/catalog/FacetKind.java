package org.cyprus.library.catalog;

/** The kinds of facet the catalog lists. */
public enum FacetKind { AUTHORS, NARRATORS, SERIES, GENRES }
