package org.cyprus.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.media.MediaException;
import org.cyprus.media.mux.Fmp4Writer;
import org.cyprus.media.mux.FrameRun;
import org.cyprus.media.mux.MpegTsWriter;

/**
 * Streaming a book: segment plans (kept for the most recently played versions of books), the segments and
 * initialization sections they name, cut on request, and continuous streams from any time.
 */
public final class BookStreams {
    private static final Pattern SEGMENT = Pattern.compile("seg-(\\d{1,9})\\.(m4s|ts)");
    private static final Pattern INIT = Pattern.compile("init-(\\d{1,4})\\.mp4");
    private static final int PLANS_KEPT = 32;

    private final BookAudios audios;
    private final Map<String, SegmentPlan> plans = new LinkedHashMap<>(PLANS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SegmentPlan> eldest) {
            return size() > PLANS_KEPT;
        }
    };

    public BookStreams(BookAudios audios) {
        this.audios = audios;
    }

    /** The book's segment plan as its files are now. */
    public SegmentPlan plan(String bookId) {
        BookAudio book = audios.load(bookId);
        String key = bookId + "/" + book.version();
        synchronized (plans) {
            SegmentPlan plan = plans.get(key);
            if (plan != null) {
                return plan;
            }
        }
        SegmentPlan plan = SegmentPlan.of(book);
        synchronized (plans) {
            plans.put(key, plan);
        }
        return plan;
    }

    /**
     * The plan of the given version of the book.
     *
     * @throws StreamException {@code STALE} when the book's files have changed since that version
     */
    public SegmentPlan plan(String bookId, String version) {
        synchronized (plans) {
            SegmentPlan plan = plans.get(bookId + "/" + version);
            if (plan != null && stillCurrent(plan)) {
                return plan;
            }
        }
        SegmentPlan current = plan(bookId);
        if (!current.book().version().equals(version)) {
            throw new StreamException(StreamException.Kind.STALE, "This version of the book's audio is gone (its files changed); "
                    + "load the playlist or manifest again.");
        }
        return current;
    }

    private boolean stillCurrent(SegmentPlan plan) {
        // A cheap check on every request: the parts' sizes and times on disk still match the plan's.
        for (BookAudio.Part part : plan.book().parts()) {
            AudioStreams.StreamKey now;
            try {
                now = audiosKey(part);
            } catch (StreamException e) {
                return false;
            }
            if (!now.equals(part.key())) {
                return false;
            }
        }
        return true;
    }

    private AudioStreams.StreamKey audiosKey(BookAudio.Part part) {
        return audios.streams().keyOf(part.file());
    }

    /** A segment or initialization section named as the playlists and manifests name them. */
    public Packed packed(SegmentPlan plan, String name) {
        Matcher init = INIT.matcher(name);
        if (init.matches()) {
            int group = Integer.parseInt(init.group(1));
            if (group >= plan.book().groups().size()) {
                throw new StreamException(StreamException.Kind.NOT_FOUND, "There is no " + name + ".");
            }
            return new Packed(Fmp4Writer.initSegment(plan.book().groups().get(group).format()), "video/mp4");
        }
        Matcher segment = SEGMENT.matcher(name);
        if (!segment.matches()) {
            throw new StreamException(StreamException.Kind.NOT_FOUND, "There is no " + name + ".");
        }
        int number = Integer.parseInt(segment.group(1));
        if (number >= plan.size()) {
            throw new StreamException(StreamException.Kind.NOT_FOUND, "There is no " + name + ".");
        }
        FrameRun run = SegmentReader.read(plan, number);
        if (segment.group(2).equals("ts")) {
            try {
                return new Packed(MpegTsWriter.segment(run, 0), SegmentFormat.MPEG_TS.mimeType());
            } catch (MediaException e) {
                throw new StreamException(StreamException.Kind.UNSUPPORTED, "This audio cannot be carried in MPEG-TS: " + e.getMessage());
            }
        }
        // mfhd sequence numbers start at 1 (ISO/IEC 14496-12 §8.8.5).
        return new Packed(Fmp4Writer.mediaSegment(run, number + 1L), SegmentFormat.FMP4.mimeType());
    }

    /** Packed bytes and their media type. */
    public record Packed(byte[] bytes, String mimeType) {
    }

    /** The book as one continuous stream from {@code startUs}. */
    public ContinuousStream continuous(String bookId, long startUs) {
        return ContinuousStream.from(audios.load(bookId), startUs);
    }
}
