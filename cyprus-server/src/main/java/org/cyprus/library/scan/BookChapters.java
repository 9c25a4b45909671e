package org.cyprus.library.scan;

import java.util.ArrayList;
import java.util.List;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.AudioFile;
import org.cyprus.media.Chapter;
import org.cyprus.media.TagKey;

/**
 * A book's chapters on its single timeline: each file's embedded chapters shifted by where the file starts in the
 * book, or, for a file without any, one chapter spanning it titled from its title tag or its file name.
 */
public final class BookChapters {
    private BookChapters() {
    }

    /** Chapters for {@code files} in play order; {@code bookTitle} names the only chapter of a one-file book. */
    public static List<Chapter> of(List<AudioFile> files, String bookTitle) {
        List<Chapter> chapters = new ArrayList<>();
        // Part titles name chapters only when they tell the parts apart.
        long distinctTitles = files.stream().map(f -> f.facts().orElseThrow().tags().first(TagKey.TITLE)).distinct().count();
        boolean titlesDistinct = distinctTitles == files.size();
        long startUs = 0;
        for (AudioFile file : files) {
            AudioFacts facts = file.facts().orElseThrow();
            long endUs = startUs + facts.durationUs();
            List<Chapter> embedded = facts.chapters();
            if (!embedded.isEmpty()) {
                for (Chapter c : embedded) {
                    long s = Math.min(endUs, startUs + c.startUs());
                    long e = Math.min(endUs, Math.max(s, startUs + c.endUs()));
                    if (e > s || embedded.size() == 1) {
                        chapters.add(new Chapter(c.title(), s, e));
                    }
                }
            } else {
                String title = files.size() == 1
                        ? facts.tags().first(TagKey.TITLE).orElse(bookTitle)
                        : facts.tags().first(TagKey.TITLE).filter(t -> titlesDistinct).orElse(withoutExtension(file.name()));
                chapters.add(new Chapter(title, startUs, endUs));
            }
            startUs = endUs;
        }
        return chapters;
    }

    static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
