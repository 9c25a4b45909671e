package org.cyprus.media.id3;

import java.util.EnumMap;
import java.util.Map;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/**
 * A {@link Tags.Builder} that takes at most {@link #MAX_VALUES_PER_KEY} values per key, so that a hostile tag
 * repeating one frame thousands of times cannot make the builder's duplicate check quadratic.
 */
final class TagCollector {
    static final int MAX_VALUES_PER_KEY = 64;

    private final Tags.Builder builder = Tags.builder();
    private final Map<TagKey, Integer> counts = new EnumMap<>(TagKey.class);

    void add(TagKey key, String value) {
        if (take(key)) {
            builder.add(key, value);
        }
    }

    /** See {@link Tags.Builder#date(String)}. */
    void date(String raw) {
        if (take(TagKey.YEAR)) {
            builder.date(raw);
        }
    }

    /** See {@link Tags.Builder#numberOfTotal(String, TagKey, TagKey)}. */
    void numberOfTotal(String raw, TagKey numberKey, TagKey totalKey) {
        if (take(numberKey)) {
            builder.numberOfTotal(raw, numberKey, totalKey);
        }
    }

    Tags build() {
        return builder.build();
    }

    private boolean take(TagKey key) {
        int count = counts.merge(key, 1, Integer::sum);
        return count <= MAX_VALUES_PER_KEY;
    }
}
