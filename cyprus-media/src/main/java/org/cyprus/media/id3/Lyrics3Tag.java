package org.cyprus.media.id3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * Lyrics3 v2.00 (id3.org Lyrics3v2): {@code LYRICSBEGIN}, fields of a three-letter id, a five-digit size and the
 * data, then a six-digit size of everything from {@code LYRICSBEGIN} on and {@code LYRICS200}. It sits in front
 * of an ID3v1 tag. Its {@code ETT}, {@code EAR} and {@code EAL} fields carry the full title, artist and album.
 */
final class Lyrics3Tag {
    static final String END_MARK = "LYRICS200";
    private static final String BEGIN_MARK = "LYRICSBEGIN";
    /** The six-digit size and the end mark. */
    static final int TRAILER_BYTES = 6 + 9;

    private Lyrics3Tag() {
    }

    /** A read Lyrics3v2 block: where it starts and the values of its extended fields. */
    record Lyrics3Content(long start, Tags tags) {
    }

    static boolean isTrailer(byte[] b) {
        return b.length == TRAILER_BYTES && new String(b, 6, 9, StandardCharsets.ISO_8859_1).equals(END_MARK);
    }

    /** The block that ends (with its trailer) at {@code end}; it may not start before {@code floor}. */
    static Optional<Lyrics3Content> parseLyrics3(ByteSource source, long end, long floor, Diagnostics diag)
            throws IOException, MediaException {
        byte[] trailer = source.readBytes(end - TRAILER_BYTES, TRAILER_BYTES);
        int size = digits(trailer, 0, 6);
        long start = end - TRAILER_BYTES - size;
        if (size < BEGIN_MARK.length() || start < floor) {
            diag.warn("the Lyrics3v2 block ending at " + end + " has an unusable size; it is ignored");
            return Optional.empty();
        }
        byte[] block = source.readBytes(start, size);
        if (!new String(block, 0, BEGIN_MARK.length(), StandardCharsets.ISO_8859_1).equals(BEGIN_MARK)) {
            diag.warn("the Lyrics3v2 block at " + start + " does not start with " + BEGIN_MARK + "; it is ignored");
            return Optional.empty();
        }
        diag.line("Lyrics3v2 block @" + start + " size=" + size);
        diag.enter();
        TagCollector tags = new TagCollector();
        int at = BEGIN_MARK.length();
        while (block.length - at >= 8) {
            String id = new String(block, at, 3, StandardCharsets.ISO_8859_1);
            int length = digits(block, at + 3, 5);
            if (length < 0 || length > block.length - at - 8) {
                diag.warn("Lyrics3v2 field at " + (start + at) + " is malformed; the rest is skipped");
                break;
            }
            String value = new String(block, at + 8, length, StandardCharsets.ISO_8859_1);
            diag.line("field " + id + " @" + (start + at) + " size=" + length
                    + (id.equals("LYR") ? "" : " " + Diagnostics.quote(value)));
            switch (id) {
                case "ETT" -> tags.add(TagKey.TITLE, value);
                case "EAR" -> tags.add(TagKey.ARTIST, value);
                case "EAL" -> tags.add(TagKey.ALBUM, value);
                default -> {
                    // IND, LYR, INF, AUT, IMG: nothing Cyprus shows
                }
            }
            at += 8 + length;
        }
        diag.exit();
        return Optional.of(new Lyrics3Content(start, tags.build()));
    }

    /** A decimal number written with exactly {@code count} ASCII digits, or -1. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
