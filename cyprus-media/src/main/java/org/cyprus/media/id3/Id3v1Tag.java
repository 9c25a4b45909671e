package org.cyprus.media.id3;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cyprus.media.Genres;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/**
 * ID3v1 and ID3v1.1: 128 bytes at the end of the file, {@code TAG}, title, artist and album (30 bytes each), year
 * (4), comment (30; in v1.1 byte 28 is zero and byte 29 the track number) and a genre number; ISO-8859-1 padded
 * with NULs or spaces. The unofficial enhanced tag ({@code TAG+}, 227 bytes right before it) carries 60 more
 * characters of title, artist and album and a free-text genre.
 */
final class Id3v1Tag {
    static final int BYTES = 128;
    static final int ENHANCED_BYTES = 227;
    private static final int NO_GENRE = 255;

    private Id3v1Tag() {
    }

    static boolean isId3v1(byte[] b) {
        return b.length == BYTES && b[0] == 'T' && b[1] == 'A' && b[2] == 'G';
    }

    static boolean isEnhanced(byte[] b) {
        return b.length == ENHANCED_BYTES && b[0] == 'T' && b[1] == 'A' && b[2] == 'G' && b[3] == '+';
    }

    /** The values of a v1 tag at {@code offset}, extended by the enhanced tag if there is one. */
    static Tags parseId3v1(byte[] tag, Optional<byte[]> enhanced, long offset, Diagnostics diag) {
        TagCollector tags = new TagCollector();
        String title = raw(tag, 3, 30) + enhanced.map(e -> raw(e, 4, 60)).orElse("");
        String artist = raw(tag, 33, 30) + enhanced.map(e -> raw(e, 64, 60)).orElse("");
        String album = raw(tag, 63, 30) + enhanced.map(e -> raw(e, 124, 60)).orElse("");
        String year = raw(tag, 93, 4).strip();
        boolean v11 = tag[125] == 0 && tag[126] != 0;
        String comment = raw(tag, 97, v11 ? 28 : 30);
        int track = v11 ? tag[126] & 0xFF : 0;
        int genre = tag[127] & 0xFF;
        String enhancedGenre = enhanced.map(e -> raw(e, 185, 30).strip()).orElse("");
        tags.add(TagKey.TITLE, title);
        tags.add(TagKey.ARTIST, artist);
        tags.add(TagKey.ALBUM, album);
        if (!year.chars().allMatch(c -> c == '0')) {
            tags.date(year);
        }
        tags.add(TagKey.COMMENT, comment);
        if (track > 0) {
            tags.numberOfTotal(Integer.toString(track), TagKey.TRACK, TagKey.TRACK_TOTAL);
        }
        if (!enhancedGenre.isEmpty()) {
            tags.add(TagKey.GENRE, enhancedGenre);
        } else if (genre != NO_GENRE) {
            Genres.byId3Number(genre).ifPresent(name -> tags.add(TagKey.GENRE, name));
        }
        enhanced.ifPresent(e -> diag.line("enhanced tag TAG+ @" + (offset - ENHANCED_BYTES)));
        diag.line((v11 ? "ID3v1.1" : "ID3v1") + " tag @" + offset + " title=" + Diagnostics.quote(title.strip())
                + " artist=" + Diagnostics.quote(artist.strip()) + " album=" + Diagnostics.quote(album.strip())
                + " year=" + Diagnostics.quote(year) + " comment=" + Diagnostics.quote(comment.strip())
                + (v11 ? " track=" + track : "") + " genre=" + genre
                + Genres.byId3Number(genre).map(g -> " (" + g + ")").orElse("")
                + (enhancedGenre.isEmpty() ? "" : " enhanced-genre=" + Diagnostics.quote(enhancedGenre)));
        return tags.build();
    }

    /** A field up to its first NUL (the rest is padding or leftovers), not yet stripped of spaces. */
    private static String raw(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
