package org.cyprus.stream;

import java.util.Arrays;
import org.cyprus.media.FrameTable;

/**
 * Where a book is cut into segments: about {@link #TARGET_US} each, at frame boundaries, never across a change of
 * stream format (a group boundary) but freely across the boundary between two files of one group. One plan serves
 * both manifests (RFC 8216 HLS and ISO/IEC 23009-1 DASH): segment {@code n} is the same stretch of audio in both.
 */
public final class SegmentPlan {
    /** The length segments are cut to; RFC 8216 §4.3.3.1 leaves it to the server, and 6 s is Apple's recommendation. */
    static final long TARGET_US = 6_000_000;
    /** A last segment of a group shorter than this joins the one before it. */
    static final long MIN_TAIL_US = 2_000_000;

    private final BookAudio book;
    private final int[] part;
    private final int[] frame;
    private final long[] startTime;
    private final long[] durationTime;
    private final long[] sizeBytes;
    private final int[] firstOfGroup;

    private SegmentPlan(BookAudio book, int[] part, int[] frame, long[] startTime, long[] durationTime, long[] sizeBytes,
                        int[] firstOfGroup) {
        this.book = book;
        this.part = part;
        this.frame = frame;
        this.startTime = startTime;
        this.durationTime = durationTime;
        this.sizeBytes = sizeBytes;
        this.firstOfGroup = firstOfGroup;
    }

    /** Where a segment begins: a frame of a part, at a time on the book's timeline (in its group's timescale). */
    public record Segment(int number, int group, int part, int frame, long startTime, long durationTime, long sizeBytes) {
    }

    /** Cuts {@code book}. */
    public static SegmentPlan of(BookAudio book) {
        Cutter cutter = new Cutter();
        int[] firstOfGroup = new int[book.groups().size() + 1];
        for (BookAudio.Group group : book.groups()) {
            firstOfGroup[group.index()] = cutter.count;
            long target = Timescales.fromMicros(TARGET_US, group.format().timescale());
            long minTail = Timescales.fromMicros(MIN_TAIL_US, group.format().timescale());
            int groupFirst = cutter.count;
            long accumulated = 0;
            for (int p = group.firstPart(); p < group.firstPart() + group.partCount(); p++) {
                BookAudio.Part bookPart = book.parts().get(p);
                FrameTable frames = bookPart.stream().frames();
                for (int f = 0; f < frames.frameCount(); f++) {
                    if (cutter.count == groupFirst || accumulated >= target) {
                        cutter.start(p, f, bookPart.frameStart(f));
                        accumulated = 0;
                    }
                    accumulated += frames.frameDuration(f);
                    cutter.add(frames.frameDuration(f), frames.frameSize(f));
                }
            }
            if (cutter.count - groupFirst >= 2 && accumulated < minTail) {
                cutter.mergeLast();
            }
        }
        firstOfGroup[book.groups().size()] = cutter.count;
        return new SegmentPlan(book, Arrays.copyOf(cutter.part, cutter.count), Arrays.copyOf(cutter.frame, cutter.count),
                Arrays.copyOf(cutter.start, cutter.count), Arrays.copyOf(cutter.duration, cutter.count),
                Arrays.copyOf(cutter.bytes, cutter.count), firstOfGroup);
    }

    public BookAudio book() {
        return book;
    }

    public int size() {
        return part.length;
    }

    public Segment segment(int number) {
        if (number < 0 || number >= part.length) {
            throw new StreamException(StreamException.Kind.INVALID, "There is no segment " + number + ".");
        }
        return new Segment(number, book.parts().get(part[number]).group(), part[number], frame[number], startTime[number],
                durationTime[number], sizeBytes[number]);
    }

    /** The numbers of the first segment of {@code group} and of the one after its last. */
    public int firstOfGroup(int group) {
        return firstOfGroup[group];
    }

    public int endOfGroup(int group) {
        return firstOfGroup[group + 1];
    }

    /**
     * EXT-X-TARGETDURATION: RFC 8216 §4.3.3.1 wants every EXTINF, rounded to the nearest integer, at most this; so the
     * longest segment's duration, rounded.
     */
    public int targetDurationSeconds() {
        int target = 1;
        for (int n = 0; n < part.length; n++) {
            // Rounded from the EXTINF value as written, so that a client rounding it gets the same.
            String extinf = Timescales.seconds(durationTime[n], timescaleOf(n));
            target = Math.max(target, new java.math.BigDecimal(extinf).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact());
        }
        return target;
    }

    /** The highest bitrate of any segment, in bits per second (RFC 8216 §4.3.4.2 BANDWIDTH). */
    public long peakBitrate() {
        return peakBitrate(0, part.length);
    }

    /** The highest bitrate of segments {@code [from, to)}, in bits per second. */
    public long peakBitrate(int from, int to) {
        long peak = 0;
        for (int n = from; n < to; n++) {
            long us = Math.max(1, Timescales.toMicros(durationTime[n], timescaleOf(n)));
            peak = Math.max(peak, sizeBytes[n] * 8_000_000L / us);
        }
        return peak;
    }

    /** The average bitrate over the whole book, in bits per second (RFC 8216 §4.3.4.2 AVERAGE-BANDWIDTH). */
    public long averageBitrate() {
        long bytes = 0;
        for (long s : sizeBytes) {
            bytes += s;
        }
        return bytes * 8_000_000L / Math.max(1, book.durationUs());
    }

    /** Where segment {@code number} ends: the part and frame just after its last frame (frame may equal the count). */
    Segment end(int number) {
        if (number + 1 < part.length && book.parts().get(part[number + 1]).group() == book.parts().get(part[number]).group()) {
            return segment(number + 1);
        }
        BookAudio.Group group = book.groups().get(book.parts().get(part[number]).group());
        int lastPart = group.firstPart() + group.partCount() - 1;
        return new Segment(number + 1, group.index(), lastPart, book.parts().get(lastPart).stream().frames().frameCount(),
                group.startTime() + group.durationTime(), 0, 0);
    }

    private long timescaleOf(int segment) {
        return book.parts().get(part[segment]).format().timescale();
    }

    /** Growable columns while cutting. */
    private static final class Cutter {
        int count;
        int[] part = new int[256];
        int[] frame = new int[256];
        long[] start = new long[256];
        long[] duration = new long[256];
        long[] bytes = new long[256];

        void start(int p, int f, long startTime) {
            if (count == part.length) {
                int grown = count * 2;
                part = Arrays.copyOf(part, grown);
                frame = Arrays.copyOf(frame, grown);
                start = Arrays.copyOf(start, grown);
                duration = Arrays.copyOf(duration, grown);
                bytes = Arrays.copyOf(bytes, grown);
            }
            part[count] = p;
            frame[count] = f;
            start[count] = startTime;
            duration[count] = 0;
            bytes[count] = 0;
            count++;
        }

        void add(long frameDuration, int frameBytes) {
            duration[count - 1] += frameDuration;
            bytes[count - 1] += frameBytes;
        }

        void mergeLast() {
            duration[count - 2] += duration[count - 1];
            bytes[count - 2] += bytes[count - 1];
            count--;
        }
    }
}
