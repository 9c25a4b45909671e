package org.cyprus.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The value of {@code If-Match} or {@code If-None-Match}: {@code "*" / #entity-tag} (RFC 9110 §13.1.1, §13.1.2). */
public sealed interface EntityTagList {

    /** Whether the list matches the current representation's tag, by strong or weak comparison (§8.8.3.2). */
    boolean matches(EntityTag current, boolean strongComparison);

    /** {@code *}: any current representation. */
    record Any() implements EntityTagList {
        @Override
        public boolean matches(EntityTag current, boolean strongComparison) {
            return true;
        }
    }

    /** A list of entity tags; it matches when any of them does. */
    record Tags(List<EntityTag> tags) implements EntityTagList {
        public Tags {
            tags = List.copyOf(tags);
        }

        @Override
        public boolean matches(EntityTag current, boolean strongComparison) {
            for (EntityTag tag : tags) {
                if (strongComparison ? tag.strongMatch(current) : tag.weakMatch(current)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The field value parsed; nothing when it is neither {@code *} nor a well-formed list of entity tags. */
    public static Optional<EntityTagList> parse(String fieldValue) {
        String value = fieldValue.strip();
        if (value.equals("*")) {
            return Optional.of(new Any());
        }
        TagCursor cursor = new TagCursor(value);
        List<EntityTag> tags = new ArrayList<>();
        // §5.6.1: elements separated by commas with optional whitespace; empty elements are allowed.
        while (true) {
            cursor.skipListSeparators();
            if (cursor.atEnd()) {
                break;
            }
            Optional<EntityTag> tag = cursor.tag();
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            tags.add(tag.get());
            cursor.skipOws();
            if (!cursor.atEnd() && !cursor.at(',')) {
                return Optional.empty();
            }
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(new Tags(tags));
    }
}
