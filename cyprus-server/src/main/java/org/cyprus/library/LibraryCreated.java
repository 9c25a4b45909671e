package org.cyprus.library;

/** Published when a library is created, so that watchers start watching its folders. */
public record LibraryCreated(long libraryId) {
}
