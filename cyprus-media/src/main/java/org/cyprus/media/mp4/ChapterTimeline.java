package org.cyprus.media.mp4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cyprus.media.Chapter;

/**
 * Turns chapter starts into {@link Chapter}s on the presentation timeline: in time order, starts past the end
 * clamped to it, each chapter ending where the next begins and the last at the end of the presentation.
 */
final class ChapterTimeline {
    private ChapterTimeline() {
    }

    static List<Chapter> build(List<ChapterMark> marks, long endUs, Warnings warnings) {
        List<ChapterMark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingLong(ChapterMark::startUs));
        if (!sorted.equals(marks)) {
            warnings.add("chapters are not in time order; sorted");
        }
        long end = Math.max(0, endUs);
        boolean clamped = false;
        List<Chapter> chapters = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            long start = Math.min(Math.max(0, sorted.get(i).startUs()), end);
            long next = i + 1 < sorted.size() ? Math.min(Math.max(0, sorted.get(i + 1).startUs()), end) : end;
            clamped |= sorted.get(i).startUs() > end;
            chapters.add(new Chapter(sorted.get(i).title().replace("\0", "").strip(), start, Math.max(start, next)));
        }
        if (clamped) {
            warnings.add("chapters starting after the end of the audio (" + end + " µs) were clamped to it");
        }
        return chapters;
    }
}
