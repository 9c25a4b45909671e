package org.cyprus.media;

/** The metadata fields Cyprus reads from any tag format, named for what they mean to an audiobook. */
public enum TagKey {
    TITLE("title"),
    SUBTITLE("subtitle"),
    /** The author, for audiobooks (ID3 TPE1, MP4 ©ART). */
    ARTIST("artist"),
    ALBUM_ARTIST("albumArtist"),
    /** The book title when files are parts of it (ID3 TALB, MP4 ©alb). */
    ALBUM("album"),
    COMPOSER("composer"),
    NARRATOR("narrator"),
    GENRE("genre"),
    /** The four-digit year. */
    YEAR("year"),
    /** The full release date when a tag gives more than a year, as written (ISO 8601 where possible). */
    RELEASE_DATE("releaseDate"),
    TRACK("track"),
    TRACK_TOTAL("trackTotal"),
    DISC("disc"),
    DISC_TOTAL("discTotal"),
    COMMENT("comment"),
    DESCRIPTION("description"),
    PUBLISHER("publisher"),
    COPYRIGHT("copyright"),
    SERIES("series"),
    SERIES_SEQUENCE("seriesSequence"),
    ASIN("asin"),
    ISBN("isbn"),
    LANGUAGE("language"),
    ENCODER("encoder");

    private final String jsonName;

    TagKey(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The key's name in JSON output, e.g. {@code albumArtist}. */
    public String jsonName() {
        return jsonName;
    }

    /** True for keys whose values are whole numbers. */
    public boolean numeric() {
        return this == TRACK || this == TRACK_TOTAL || this == DISC || this == DISC_TOTAL;
    }
}
