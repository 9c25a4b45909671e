package org.cyprus.library.scan;

import java.util.List;

/**
 * What a scan did.
 *
 * @param libraryId   the library scanned
 * @param scope       the sub-folder scanned, or empty for all of it
 * @param folders     book folders found
 * @param added       books seen for the first time
 * @param updated     books whose files or sidecars changed (including books that came back)
 * @param unchanged   books skipped because nothing about them changed
 * @param missing     books newly marked missing
 * @param filesProbed files read because they were new or changed
 * @param durationMs  wall time of the scan
 * @param warnings    files and folders that could not be read, and why
 * @param changes     the books that were added, updated, restored or marked missing
 */
public record ScanReport(long libraryId, String scope, int folders, int added, int updated, int unchanged, int missing,
                         int filesProbed, long durationMs, List<String> warnings, List<Change> changes) {
    public ScanReport {
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
    }

    /** One book that changed. */
    public record Change(String bookId, ScanEvent.Change change) {
    }
}
