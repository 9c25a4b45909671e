package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaException;

/**
 * Finds a file's chapters: the QuickTime chapter text track the audio track's {@code tref/chap} names, else the
 * Nero {@code moov/udta/chpl} list. The text track wins when both exist (it is what Apple's players show, and its
 * titles may be longer than the 255 bytes of a Nero title); a dangling reference or an unreadable text track falls
 * back on {@code chpl} with a warning.
 *
 * @param source {@code text track N}, {@code chpl} or {@code none}
 */
record ChapterSources(List<ChapterMark> marks, String source) {

    ChapterSources {
        marks = List.copyOf(marks);
    }

    static ChapterSources read(BoxWalker walker, Movie movie, Track audio) throws IOException {
        Warnings warnings = walker.warnings();
        List<ChapterMark> nero = List.of();
        try {
            Optional<Box> chpl = movie.udta().isPresent()
                    ? BoxWalker.first(walker.childrenUpToDamage(movie.udta().get(), 0), BoxType.CHPL)
                    : Optional.empty();
            if (chpl.isPresent()) {
                nero = ChapterBoxes.parseChpl(walker.source(), chpl.get(), warnings);
            }
        } catch (MediaException e) {
            warnings.add("Nero chapters (chpl) unreadable: " + e.getMessage());
        }
        for (int id : audio.chapterTrackIds()) {
            Optional<Track> text = movie.track(id);
            if (text.isEmpty()) {
                warnings.add(audio.label() + " names track " + id + " as its chapter track, but there is no such track"
                        + (nero.isEmpty() ? "" : "; using the Nero chapters"));
                continue;
            }
            if (!text.get().handler().text()) {
                warnings.add("chapter track " + id + " is not a text track; ignored");
                continue;
            }
            try {
                List<ChapterMark> marks = TextTrackChapters.read(walker, text.get());
                if (!marks.isEmpty()) {
                    if (!nero.isEmpty() && nero.size() != marks.size()) {
                        warnings.add("the chapter track has " + marks.size() + " chapters and chpl " + nero.size()
                                + "; using the chapter track");
                    }
                    return new ChapterSources(marks, "text track " + id);
                }
            } catch (MediaException e) {
                warnings.add("chapter track " + id + " unreadable: " + e.getMessage()
                        + (nero.isEmpty() ? "" : "; using the Nero chapters"));
            }
        }
        return nero.isEmpty() ? new ChapterSources(List.of(), "none") : new ChapterSources(nero, "chpl");
    }
}
