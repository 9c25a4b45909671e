package org.cyprus.media.mp4;

/** A chapter start as a file states it, before sorting, clamping and ends are worked out. */
record ChapterMark(long startUs, String title) {
}
