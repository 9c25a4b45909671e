package org.cyprus.progress;

import java.util.Optional;

/**
 * A bookmark; a deleted one stays as a tombstone ({@code deleted}) so an offline device learns of the deletion.
 *
 * @param updatedAtMs when it was last changed, on the server's clock (offline edits are placed like events)
 * @param version     the listener's change counter at that change
 */
public record Bookmark(String id, String bookId, long positionMs, String title, Optional<String> note, long createdAtMs,
                       long updatedAtMs, boolean deleted, long version) {
}
