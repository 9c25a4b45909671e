package org.cyprus.media.flac;

import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/**
 * Maps Vorbis comment field names to Cyprus tags. The names are the Xiph recommendations (Vorbis I §5.2.2,
 * RFC 9639 §8.6.1) plus the conventions audiobook taggers use (NARRATOR, SERIES, ASIN, ...).
 */
public final class VorbisCommentTags {
    private VorbisCommentTags() {
    }

    /** The tags in {@code comment}; unknown field names are ignored. */
    public static Tags tags(VorbisComment comment) {
        Tags.Builder b = Tags.builder();
        for (VorbisComment.Field field : comment.fields()) {
            add(b, field.name(), field.value());
        }
        return b.build();
    }

    private static void add(Tags.Builder b, String name, String value) {
        switch (name) {
            case "TITLE" -> b.add(TagKey.TITLE, value);
            case "SUBTITLE" -> b.add(TagKey.SUBTITLE, value);
            case "ARTIST" -> b.add(TagKey.ARTIST, value);
            case "ALBUMARTIST", "ALBUM ARTIST", "ALBUM_ARTIST" -> b.add(TagKey.ALBUM_ARTIST, value);
            case "ALBUM" -> b.add(TagKey.ALBUM, value);
            case "COMPOSER" -> b.add(TagKey.COMPOSER, value);
            case "PERFORMER", "NARRATOR", "READER" -> b.add(TagKey.NARRATOR, value);
            case "GENRE" -> b.add(TagKey.GENRE, value);
            case "DATE", "YEAR" -> b.date(value);
            case "TRACKNUMBER" -> b.numberOfTotal(value, TagKey.TRACK, TagKey.TRACK_TOTAL);
            case "TRACKTOTAL", "TOTALTRACKS" -> total(b, TagKey.TRACK_TOTAL, value);
            case "DISCNUMBER" -> b.numberOfTotal(value, TagKey.DISC, TagKey.DISC_TOTAL);
            case "DISCTOTAL", "TOTALDISCS" -> total(b, TagKey.DISC_TOTAL, value);
            case "COMMENT" -> b.add(TagKey.COMMENT, value);
            case "DESCRIPTION" -> b.add(TagKey.DESCRIPTION, value);
            case "PUBLISHER", "ORGANIZATION", "LABEL" -> b.add(TagKey.PUBLISHER, value);
            case "COPYRIGHT" -> b.add(TagKey.COPYRIGHT, value);
            case "SERIES" -> b.add(TagKey.SERIES, value);
            case "SERIES-PART", "SERIESPART" -> b.add(TagKey.SERIES_SEQUENCE, value);
            case "ASIN" -> b.add(TagKey.ASIN, value);
            case "ISBN" -> b.add(TagKey.ISBN, value);
            case "LANGUAGE" -> b.add(TagKey.LANGUAGE, value);
            case "ENCODER" -> b.add(TagKey.ENCODER, value);
            default -> {
                // not a field Cyprus reads
            }
        }
    }

    private static void total(Tags.Builder b, TagKey key, String value) {
        String digits = value.strip();
        if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            b.number(key, Long.parseLong(digits));
        }
    }
}
