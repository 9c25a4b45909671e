package org.cyprus.progress;

/** What listening needs to know of a book: where it lives (for access checks) and how long it is. */
public record ListenedBook(String id, long libraryId, long durationMs) {
}
