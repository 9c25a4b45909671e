package org.cyprus.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metadata read from a file's tags: zero or more values per {@link TagKey}, in the order the tag gave them. */
public final class Tags {
    private static final Tags EMPTY = new Tags(new EnumMap<>(TagKey.class));
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern NUMBER_OF_TOTAL = Pattern.compile("\\s*(\\d+)\\s*(?:/\\s*(\\d+)\\s*)?");

    private final Map<TagKey, List<String>> values;

    private Tags(Map<TagKey, List<String>> values) {
        this.values = values;
    }

    public static Tags empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code key}, if any. */
    public Optional<String> first(TagKey key) {
        List<String> list = values.get(key);
        return list == null ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** Every value of {@code key}, possibly none. */
    public List<String> all(TagKey key) {
        return values.getOrDefault(key, List.of());
    }

    /** The first value of {@code key} as a whole number, if it is one. */
    public OptionalInt number(TagKey key) {
        return first(key).map(v -> {
            try {
                return OptionalInt.of(Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }).orElse(OptionalInt.empty());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Every key with values, in {@link TagKey} order. */
    public Map<TagKey, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** These tags with {@code other}'s values filling the keys these lack. */
    public Tags withFallback(Tags other) {
        EnumMap<TagKey, List<String>> merged = new EnumMap<>(TagKey.class);
        merged.putAll(other.values);
        merged.putAll(values);
        return new Tags(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tags t && t.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects values; blank values are dropped, surrounding whitespace and NULs are trimmed. */
    public static final class Builder {
        private final EnumMap<TagKey, List<String>> values = new EnumMap<>(TagKey.class);

        /** Adds one value for {@code key}. */
        public Builder add(TagKey key, String value) {
            if (value == null) {
                return this;
            }
            String clean = value.replace("\u0000", "").strip();
            if (!clean.isEmpty()) {
                List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (!list.contains(clean)) {
                    list.add(clean);
                }
            }
            return this;
        }

        /** Sets {@code key} to exactly {@code value}, replacing what was there. */
        public Builder set(TagKey key, String value) {
            values.remove(key);
            return add(key, value);
        }

        public boolean has(TagKey key) {
            return values.containsKey(key);
        }

        /** A date as tagged: the year goes to {@link TagKey#YEAR}, anything longer also to {@link TagKey#RELEASE_DATE}. */
        public Builder date(String raw) {
            if (raw == null) {
                return this;
            }
            String clean = raw.replace("\u0000", "").strip();
            Matcher year = YEAR.matcher(clean);
            if (year.find()) {
                add(TagKey.YEAR, year.group(1));
                if (clean.length() > 4) {
                    add(TagKey.RELEASE_DATE, clean);
                }
            }
            return this;
        }

        /** A position such as {@code 3} or {@code 3/12} into {@code numberKey} and {@code totalKey}. */
        public Builder numberOfTotal(String raw, TagKey numberKey, TagKey totalKey) {
            if (raw == null) {
                return this;
            }
            Matcher m = NUMBER_OF_TOTAL.matcher(raw.replace("\u0000", ""));
            if (m.matches()) {
                addPositive(numberKey, m.group(1));
                if (m.group(2) != null) {
                    addPositive(totalKey, m.group(2));
                }
            }
            return this;
        }

        /** Adds a whole number, dropping zero (the "unset" value of numeric tag fields). */
        public Builder number(TagKey key, long value) {
            if (value > 0) {
                add(key, Long.toString(value));
            }
            return this;
        }

        private void addPositive(TagKey key, String digits) {
            try {
                number(key, Long.parseLong(digits));
            } catch (NumberFormatException ignored) {
                // more digits than a long holds: not a track number
            }
        }

        public Tags build() {
            EnumMap<TagKey, List<String>> copy = new EnumMap<>(TagKey.class);
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy.isEmpty() ? EMPTY : new Tags(copy);
        }
    }
}
