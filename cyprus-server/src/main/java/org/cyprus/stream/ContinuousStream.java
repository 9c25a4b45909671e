package org.cyprus.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.cyprus.media.Codec;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.mux.AdtsWriter;
import org.cyprus.media.mux.FrameRun;
import org.cyprus.media.mux.TrackFormat;

/**
 * A whole book from any time as one continuous elementary stream: from the frame (MP3) or access unit (AAC) that
 * contains the start, to the end of the last part, in runs of frames small enough that a thousand listeners cost
 * little memory. Only books whose parts share one stream format can be joined this way.
 */
public final class ContinuousStream implements Iterable<FrameRun> {
    /** About how many bytes of audio each run carries. */
    static final int RUN_BYTES = 48 * 1024;

    private final BookAudio book;
    private final int firstPart;
    private final int firstFrame;

    private ContinuousStream(BookAudio book, int firstPart, int firstFrame) {
        this.book = book;
        this.firstPart = firstPart;
        this.firstFrame = firstFrame;
    }

    /**
     * The stream of {@code book} from {@code startUs}.
     *
     * @throws StreamException {@code UNSUPPORTED} when the parts differ in format, {@code INVALID} for a start at or
     *                         past the end
     */
    public static ContinuousStream from(BookAudio book, long startUs) {
        if (!book.uniform()) {
            throw new StreamException(StreamException.Kind.UNSUPPORTED, "The parts of this book differ in codec or parameters, so they "
                    + "cannot be joined into one stream; play it through HLS (/api/v1/books/" + book.bookId() + "/hls/master.m3u8).");
        }
        if (startUs < 0 || startUs >= book.durationUs()) {
            throw new StreamException(StreamException.Kind.INVALID, "The start must lie within the book (0 to "
                    + Timescales.seconds(book.durationUs(), 1_000_000) + " s).");
        }
        TrackFormat format = book.groups().getFirst().format();
        if (format.codec() == Codec.AAC) {
            try {
                AdtsWriter.header(format, 1);
            } catch (MediaException e) {
                throw new StreamException(StreamException.Kind.UNSUPPORTED, "This AAC cannot be sent as a plain ADTS stream ("
                        + e.getMessage() + "); play it through HLS (/api/v1/books/" + book.bookId() + "/hls/master.m3u8).");
            }
        }
        long time = Timescales.fromMicros(startUs, format.timescale());
        for (int p = 0; p < book.parts().size(); p++) {
            BookAudio.Part part = book.parts().get(p);
            if (time < part.startTime() + part.durationTime() && part.stream().frames().frameCount() > 0) {
                FrameTable frames = part.stream().frames();
                int frame = frames.frameAt(Math.max(0, time - part.startTime()) + frames.frameTime(0));
                return new ContinuousStream(book, p, frame);
            }
        }
        throw new StreamException(StreamException.Kind.INVALID, "The start lies past the last frame of the book.");
    }

    public TrackFormat format() {
        return book.groups().getFirst().format();
    }

    /** When the first frame sent starts, in microseconds on the book's timeline. */
    public long startUs() {
        BookAudio.Part part = book.parts().get(firstPart);
        return Timescales.toMicros(part.frameStart(firstFrame), part.format().timescale());
    }

    @Override
    public Iterator<FrameRun> iterator() {
        return new Iterator<>() {
            int part = firstPart;
            int frame = firstFrame;

            @Override
            public boolean hasNext() {
                while (part < book.parts().size() && frame >= book.parts().get(part).stream().frames().frameCount()) {
                    part++;
                    frame = 0;
                }
                return part < book.parts().size();
            }

            @Override
            public FrameRun next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BookAudio.Part current = book.parts().get(part);
                FrameTable frames = current.stream().frames();
                int end = frame;
                long bytes = 0;
                while (end < frames.frameCount() && (bytes < RUN_BYTES || end == frame)) {
                    bytes += frames.frameSize(end);
                    end++;
                }
                FrameRun run = SegmentReader.read(current, frame, end);
                frame = end;
                return run;
            }
        };
    }
}
