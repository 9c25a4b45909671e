package org.cyprus.stream;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.mux.FrameRun;

/** Reads the frames of one segment of a plan from the book's files: one read per file the segment touches. */
public final class SegmentReader {
    private SegmentReader() {
    }

    /**
     * The frames of segment {@code number}, timed on the book's timeline.
     *
     * @throws StreamException {@code GONE} when a file cannot be read as it was when the plan was made
     */
    public static FrameRun read(SegmentPlan plan, int number) {
        SegmentPlan.Segment from = plan.segment(number);
        SegmentPlan.Segment to = plan.end(number);
        FrameRun run = null;
        for (int p = from.part(); p <= to.part(); p++) {
            BookAudio.Part part = plan.book().parts().get(p);
            int first = p == from.part() ? from.frame() : 0;
            int end = p == to.part() ? to.frame() : part.stream().frames().frameCount();
            if (end <= first) {
                continue;
            }
            FrameRun piece = read(part, first, end);
            run = run == null ? piece : run.concat(piece);
        }
        if (run == null) {
            throw new StreamException(StreamException.Kind.INVALID, "Segment " + number + " holds no audio.");
        }
        return run;
    }

    /** Frames {@code [first, end)} of {@code part}, timed on the book's timeline. */
    static FrameRun read(BookAudio.Part part, int first, int end) {
        try (FileByteSource source = FileByteSource.open(part.key().path())) {
            if (source.size() != part.key().sizeBytes()) {
                throw new StreamException(StreamException.Kind.STALE, "The file " + part.file().name() + " has changed; reload the playlist.");
            }
            return FrameRun.read(source, part.stream(), first, end, part.frameStart(first));
        } catch (NoSuchFileException e) {
            throw new StreamException(StreamException.Kind.GONE, "The file " + part.file().name() + " is not there any more.");
        } catch (IOException | MediaException e) {
            throw new StreamException(StreamException.Kind.GONE, "The file " + part.file().name() + " cannot be read: " + e.getMessage());
        }
    }
}
