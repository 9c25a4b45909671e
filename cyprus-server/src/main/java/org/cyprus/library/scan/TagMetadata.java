package org.cyprus.library.scan;

import java.util.Arrays;
import java.util.List;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PersonNames;
import org.cyprus.library.SeriesRef;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/**
 * What a book's embedded tags say about the book. The tags of its first file speak for it. For a book of several
 * files the album is the book's title (each file's own title names a part); for a single file, its title. Authors
 * come from the album artist, else the artist; narrators from a narrator tag, else the composer, where many
 * audiobook tools put the narrator.
 */
public final class TagMetadata {
    private TagMetadata() {
    }

    public static BookMetadata of(Tags tags, boolean singleFile) {
        BookMetadata.Builder builder = BookMetadata.builder();
        if (singleFile) {
            builder.title(tags.first(TagKey.TITLE).or(() -> tags.first(TagKey.ALBUM)).orElse(null));
            builder.subtitle(tags.first(TagKey.SUBTITLE).orElse(null));
        } else {
            builder.title(tags.first(TagKey.ALBUM).orElse(null));
        }
        List<String> albumArtists = tags.all(TagKey.ALBUM_ARTIST);
        builder.authors(PersonNames.splitAll(albumArtists.isEmpty() ? tags.all(TagKey.ARTIST) : albumArtists));
        List<String> narrators = tags.all(TagKey.NARRATOR);
        builder.narrators(PersonNames.splitAll(narrators.isEmpty() ? tags.all(TagKey.COMPOSER) : narrators));
        tags.first(TagKey.SERIES).filter(s -> !s.isBlank())
                .ifPresent(series -> builder.series(List.of(SeriesRef.of(series, tags.first(TagKey.SERIES_SEQUENCE).orElse(null)))));
        builder.genres(tags.all(TagKey.GENRE).stream()
                .flatMap(g -> Arrays.stream(g.split("[;/]")))
                .map(String::strip).filter(g -> !g.isEmpty()).toList());
        tags.number(TagKey.YEAR).ifPresent(builder::year);
        builder.publisher(tags.first(TagKey.PUBLISHER).orElse(null));
        builder.language(tags.first(TagKey.LANGUAGE).orElse(null));
        builder.description(tags.first(TagKey.DESCRIPTION).or(() -> singleFile ? tags.first(TagKey.COMMENT) : java.util.Optional.empty()).orElse(null));
        builder.asin(tags.first(TagKey.ASIN).orElse(null));
        builder.isbn(tags.first(TagKey.ISBN).orElse(null));
        return builder.build();
    }
}
