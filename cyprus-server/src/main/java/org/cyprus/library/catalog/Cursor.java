package org.cyprus.library.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a keyset-paginated list ended: the last item's sort value and internal key. Because the next page
 * starts strictly after that pair, every item present for the whole walk is returned exactly once, however many
 * items are added or removed meanwhile. Encoded opaquely for clients; a cursor of one sort is refused by another.
 *
 * @param sort  the sort it belongs to
 * @param value the last item's sort value (text, or a number written as text)
 * @param pk    the last item's internal key
 */
public record Cursor(BookSort sort, String value, long pk) {

    public String encode() {
        String raw = "1\u0000" + sort.name() + "\u0000" + value + "\u0000" + pk;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code encoded} names, if it is one of {@code sort}'s. */
    public static Optional<Cursor> decode(String encoded, BookSort sort) {
        try {
            if (encoded.length() > 2048) {
                return Optional.empty();
            }
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\u0000", -1);
            if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(sort.name())) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(sort, parts[2], Long.parseLong(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
