package org.cyprus.media.flac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.media.Chapter;

/**
 * Chapters written as Vorbis comments in the Xiph "chapter extension" convention: {@code CHAPTER001=00:00:00.000}
 * gives a start time and {@code CHAPTER001NAME=Title} its title. A chapter ends where the next begins, the last
 * one at the end of the audio.
 */
public final class VorbisChapters {
    private static final Pattern START = Pattern.compile("CHAPTER(\\d{1,4})");
    private static final Pattern NAME = Pattern.compile("CHAPTER(\\d{1,4})NAME");
    /** {@code [H…:]MM:SS[.fraction]}; hours are capped so that the microseconds cannot overflow. */
    private static final Pattern TIME = Pattern.compile("\\s*(?:(\\d{1,6}):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,9}))?\\s*");

    private VorbisChapters() {
    }

    /**
     * The chapters in {@code comment}, in time order. Entries without a readable start time, or starting past
     * {@code durationUs} (when that is known, i.e. above 0), are dropped with a warning.
     */
    public static List<Chapter> chapters(VorbisComment comment, long durationUs, List<String> warnings) {
        TreeMap<Integer, String> starts = new TreeMap<>();
        TreeMap<Integer, String> names = new TreeMap<>();
        for (VorbisComment.Field field : comment.fields()) {
            Matcher name = NAME.matcher(field.name());
            Matcher start = START.matcher(field.name());
            if (name.matches()) {
                names.putIfAbsent(Integer.parseInt(name.group(1)), field.value());
            } else if (start.matches()) {
                starts.putIfAbsent(Integer.parseInt(start.group(1)), field.value());
            }
        }
        record Start(long startUs, String title) {
        }
        List<Start> found = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        starts.forEach((number, raw) -> {
            Optional<Long> startUs = parseTime(raw);
            String title = names.getOrDefault(number, "").strip();
            if (startUs.isEmpty()) {
                dropped.add("chapter " + number + " has an unreadable start time '" + clip(raw) + "'");
            } else if (durationUs > 0 && startUs.get() > durationUs) {
                dropped.add("chapter " + number + " starts at " + startUs.get() + " us, after the end of the audio");
            } else {
                found.add(new Start(startUs.get(), title));
            }
        });
        if (!dropped.isEmpty()) {
            String more = dropped.size() > 1 ? " (and " + (dropped.size() - 1) + " more chapters dropped)" : "";
            warnings.add(dropped.getFirst() + more);
        }
        found.sort(Comparator.comparingLong(Start::startUs));
        List<Chapter> chapters = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            long start = found.get(i).startUs();
            long end = i + 1 < found.size() ? found.get(i + 1).startUs() : Math.max(start, durationUs);
            chapters.add(new Chapter(found.get(i).title(), start, end));
        }
        return chapters;
    }

    /** {@code HH:MM:SS.mmm} (hours optional, any number of fraction digits up to nanoseconds) in microseconds. */
    static Optional<Long> parseTime(String raw) {
        Matcher m = TIME.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (minutes > 59 || seconds > 59) {
            return Optional.empty();
        }
        String fraction = m.group(4) == null ? "" : m.group(4);
        long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 6));
        return Optional.of(((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + micros);
    }

    private static String clip(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
