package org.cyprus.media.id3;

import static java.util.Map.entry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/** Maps the frames of one ID3v2 tag to {@link Tags}. */
final class FrameMapping {
    private static final Map<String, TagKey> TEXT_FRAMES = Map.ofEntries(
            entry("TIT2", TagKey.TITLE), entry("TIT3", TagKey.SUBTITLE), entry("TPE1", TagKey.ARTIST),
            entry("TPE2", TagKey.ALBUM_ARTIST), entry("TALB", TagKey.ALBUM), entry("TCOM", TagKey.COMPOSER),
            entry("TPUB", TagKey.PUBLISHER), entry("TCOP", TagKey.COPYRIGHT), entry("TLAN", TagKey.LANGUAGE),
            entry("TSSE", TagKey.ENCODER), entry("TENC", TagKey.ENCODER), entry("MVNM", TagKey.SERIES));

    /** {@code TXXX} descriptions, upper-cased, as written by audiobook taggers (Mp3tag, ffmpeg, OpenAudible). */
    private static final Map<String, TagKey> USER_TEXT = Map.ofEntries(
            entry("NARRATOR", TagKey.NARRATOR), entry("NARRATED BY", TagKey.NARRATOR),
            entry("NARRATEDBY", TagKey.NARRATOR), entry("READER", TagKey.NARRATOR),
            entry("DESCRIPTION", TagKey.DESCRIPTION), entry("SUMMARY", TagKey.DESCRIPTION),
            entry("SYNOPSIS", TagKey.DESCRIPTION), entry("COMMENT", TagKey.COMMENT),
            entry("SERIES", TagKey.SERIES), entry("SERIES-PART", TagKey.SERIES_SEQUENCE),
            entry("SERIES_SEQUENCE", TagKey.SERIES_SEQUENCE), entry("SERIES-SEQUENCE", TagKey.SERIES_SEQUENCE),
            entry("ASIN", TagKey.ASIN), entry("AUDIBLE_ASIN", TagKey.ASIN), entry("ISBN", TagKey.ISBN));

    /** {@code COMM} short descriptions: empty (the plain comment) or one naming a longer text. */
    private static final Map<String, TagKey> COMMENTS = Map.of(
            "", TagKey.COMMENT, "COMMENT", TagKey.COMMENT,
            "DESCRIPTION", TagKey.DESCRIPTION, "SUMMARY", TagKey.DESCRIPTION, "SYNOPSIS", TagKey.DESCRIPTION);

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private FrameMapping() {
    }

    static Tags toTags(List<Id3Frame> frames) {
        TagCollector tags = new TagCollector();
        for (Id3Frame frame : frames) {
            switch (frame) {
                case Id3Frame.Text text -> addText(text, tags);
                case Id3Frame.UserText user -> {
                    TagKey key = USER_TEXT.get(user.description().strip().toUpperCase(Locale.ROOT));
                    if (key != null) {
                        user.values().forEach(v -> tags.add(key, v));
                    }
                }
                case Id3Frame.Comment comment -> {
                    TagKey key = COMMENTS.get(comment.description().strip().toUpperCase(Locale.ROOT));
                    if (key != null) {
                        tags.add(key, comment.text());
                    }
                }
                default -> {
                    // pictures and chapters are not tags
                }
            }
        }
        addDate(frames, tags);
        return tags.build();
    }

    private static void addText(Id3Frame.Text text, TagCollector tags) {
        switch (text.id()) {
            case "TCON" -> TconGenres.parseTcon(text.values()).forEach(g -> tags.add(TagKey.GENRE, g));
            case "TRCK" -> text.values().stream().findFirst()
                    .ifPresent(v -> tags.numberOfTotal(v, TagKey.TRACK, TagKey.TRACK_TOTAL));
            case "TPOS" -> text.values().stream().findFirst()
                    .ifPresent(v -> tags.numberOfTotal(v, TagKey.DISC, TagKey.DISC_TOTAL));
            case "MVIN" -> text.values().forEach(v -> {
                // MVIN is "number/total" of a movement; the series position is the number.
                int slash = v.indexOf('/');
                tags.add(TagKey.SERIES_SEQUENCE, slash < 0 ? v : v.substring(0, slash));
            });
            default -> {
                TagKey key = TEXT_FRAMES.get(text.id());
                if (key != null) {
                    text.values().forEach(v -> tags.add(key, v));
                }
            }
        }
    }

    /**
     * The recording date: v2.4 {@code TDRC}, else v2.3 {@code TYER} with {@code TDAT} (DDMM, id3v2.3.0 §4.2.1), else
     * the release date {@code TDRL}, else the original release year {@code TORY} / date {@code TDOR}.
     */
    private static void addDate(List<Id3Frame> frames, TagCollector tags) {
        Optional<String> recorded = Id3Frame.firstText(frames, "TDRC");
        if (recorded.isPresent()) {
            tags.date(recorded.get());
            return;
        }
        Optional<String> year = Id3Frame.firstText(frames, "TYER");
        if (year.isPresent()) {
            tags.date(withDayMonth(year.get().strip(), Id3Frame.firstText(frames, "TDAT").orElse("").strip()));
            return;
        }
        for (String id : List.of("TDRL", "TORY", "TDOR")) {
            Optional<String> date = Id3Frame.firstText(frames, id);
            if (date.isPresent()) {
                tags.date(date.get());
                return;
            }
        }
    }

    private static String withDayMonth(String year, String dayMonth) {
        if (!FOUR_DIGITS.matcher(year).matches() || !FOUR_DIGITS.matcher(dayMonth).matches()) {
            return year;
        }
        int day = Integer.parseInt(dayMonth.substring(0, 2));
        int month = Integer.parseInt(dayMonth.substring(2));
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return year;
        }
        return year + "-" + dayMonth.substring(2) + "-" + dayMonth.substring(0, 2);
    }
}
