package org.cyprus.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source (a folder name, the embedded tags, a sidecar file) says about a book. Sources are layered with
 * {@link #overriddenBy(BookMetadata)}: a later source's value wins where it has one.
 */
public record BookMetadata(
        Optional<String> title,
        Optional<String> subtitle,
        List<String> authors,
        List<String> narrators,
        List<SeriesRef> series,
        List<String> genres,
        Optional<Integer> year,
        Optional<String> publisher,
        Optional<String> language,
        Optional<String> description,
        Optional<String> asin,
        Optional<String> isbn) {

    public static final BookMetadata EMPTY = builder().build();

    public BookMetadata {
        Objects.requireNonNull(title);
        Objects.requireNonNull(subtitle);
        authors = List.copyOf(authors);
        narrators = List.copyOf(narrators);
        series = List.copyOf(series);
        genres = List.copyOf(genres);
        Objects.requireNonNull(year);
        Objects.requireNonNull(publisher);
        Objects.requireNonNull(language);
        Objects.requireNonNull(description);
        Objects.requireNonNull(asin);
        Objects.requireNonNull(isbn);
    }

    /** This metadata with every field {@code later} has replaced by {@code later}'s value. */
    public BookMetadata overriddenBy(BookMetadata later) {
        return new BookMetadata(
                later.title.or(() -> title),
                later.subtitle.or(() -> subtitle),
                later.authors.isEmpty() ? authors : later.authors,
                later.narrators.isEmpty() ? narrators : later.narrators,
                later.series.isEmpty() ? series : later.series,
                later.genres.isEmpty() ? genres : later.genres,
                later.year.or(() -> year),
                later.publisher.or(() -> publisher),
                later.language.or(() -> language),
                later.description.or(() -> description),
                later.asin.or(() -> asin),
                later.isbn.or(() -> isbn));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assembles metadata; blank strings count as absent. */
    public static final class Builder {
        private String title;
        private String subtitle;
        private List<String> authors = List.of();
        private List<String> narrators = List.of();
        private List<SeriesRef> series = List.of();
        private List<String> genres = List.of();
        private Integer year;
        private String publisher;
        private String language;
        private String description;
        private String asin;
        private String isbn;

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder subtitle(String v) {
            subtitle = v;
            return this;
        }

        public Builder authors(List<String> v) {
            authors = v;
            return this;
        }

        public Builder narrators(List<String> v) {
            narrators = v;
            return this;
        }

        public Builder series(List<SeriesRef> v) {
            series = v;
            return this;
        }

        public Builder genres(List<String> v) {
            genres = v;
            return this;
        }

        public Builder year(Integer v) {
            year = v;
            return this;
        }

        public Builder publisher(String v) {
            publisher = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder asin(String v) {
            asin = v;
            return this;
        }

        public Builder isbn(String v) {
            isbn = v;
            return this;
        }

        private static Optional<String> text(String v) {
            return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
        }

        private static List<String> names(List<String> v) {
            return v.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }

        public BookMetadata build() {
            return new BookMetadata(text(title), text(subtitle), names(authors), names(narrators), series, names(genres),
                    Optional.ofNullable(year).filter(y -> y > 0 && y < 10_000), text(publisher), text(language),
                    text(description), text(asin), text(isbn));
        }
    }
}
