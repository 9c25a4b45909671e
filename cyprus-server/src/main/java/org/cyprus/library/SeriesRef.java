package org.cyprus.library;

import java.util.Objects;
import java.util.Optional;

/**
 * A book's place in a series.
 *
 * @param name     the series' name
 * @param sequence the book's position as written ({@code 1}, {@code 2.5}, {@code 0.5}), if known
 */
public record SeriesRef(String name, Optional<String> sequence) {
    public SeriesRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sequence, "sequence");
        if (name.isBlank()) {
            throw new IllegalArgumentException("series name is blank");
        }
    }

    public static SeriesRef of(String name, String sequence) {
        return new SeriesRef(name.strip(), Optional.ofNullable(sequence).map(String::strip).filter(s -> !s.isEmpty()));
    }
}
