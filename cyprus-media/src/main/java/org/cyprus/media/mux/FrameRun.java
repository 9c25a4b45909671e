package org.cyprus.media.mux;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Consecutive frames of one stream placed on an output timeline: what one segment carries. The frames' bytes lie
 * back to back in {@code payload}; frame {@code i} starts at {@code startTime} plus the durations before it.
 *
 * <p>A run holds at most {@value #MAX_FRAMES} frames and {@value #MAX_PAYLOAD_BYTES} bytes (a segment is a few
 * tens of seconds, a few megabytes at most); the arrays are copied in and out, so a run cannot change once built.
 *
 * @param format         the stream's format; times are in {@code format.timescale()} units
 * @param startTime      when the first frame plays on the output timeline
 * @param frameSizes     each frame's size in bytes, at least 1
 * @param frameDurations each frame's duration, at least 0
 * @param payload        the frames' bytes, exactly the sum of {@code frameSizes}
 */
public record FrameRun(TrackFormat format, long startTime, int[] frameSizes, int[] frameDurations, byte[] payload) {
    /** The most frames one run holds: 28 minutes of MP3 at 44.1 kHz, 11 of AAC at 96 kHz. */
    public static final int MAX_FRAMES = 1 << 16;
    /** The most payload one run holds. */
    public static final int MAX_PAYLOAD_BYTES = 32 << 20;
    /** Gaps a single read spans, to be left out afterwards: ADTS headers between access units, small junk. */
    static final int MAX_SPANNED_GAP_BYTES = 64;

    /** @throws IllegalArgumentException when the arrays disagree, a limit is passed, or a time is negative or overflows */
    public FrameRun {
        Objects.requireNonNull(format, "format");
        frameSizes = frameSizes.clone();
        frameDurations = frameDurations.clone();
        payload = payload.clone();
        int count = frameSizes.length;
        if (count < 1 || count > MAX_FRAMES || frameDurations.length != count) {
            throw new IllegalArgumentException(count + " frame sizes and " + frameDurations.length + " durations");
        }
        if (startTime < 0 || payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("start time " + startTime + ", " + payload.length + " payload bytes");
        }
        long totalBytes = 0;
        long end = startTime;
        for (int i = 0; i < count; i++) {
            if (frameSizes[i] < 1 || frameDurations[i] < 0) {
                throw new IllegalArgumentException("frame " + i + ": " + frameSizes[i] + " bytes, duration "
                        + frameDurations[i]);
            }
            totalBytes += frameSizes[i];
            end = Math.addExact(end, frameDurations[i]);
        }
        if (totalBytes != payload.length) {
            throw new IllegalArgumentException("the frame sizes add up to " + totalBytes + " bytes, the payload has "
                    + payload.length);
        }
    }

    /**
     * Reads frames {@code [fromFrame, toFrameExclusive)} of {@code stream} from {@code source} and places them at
     * {@code startTime}. Frames that lie back to back in the file (all of an MP3, a chunk of an MP4) are read with
     * one positional read, and so are frames only a few bytes apart (the access units of an ADTS file, between their
     * headers), whose gaps are then left out.
     *
     * @throws IndexOutOfBoundsException when the range lies outside the table
     * @throws IllegalArgumentException  when the range is empty or longer than {@value #MAX_FRAMES} frames
     * @throws MediaException           {@code TRUNCATED} when a frame lies past the end of the source,
     *                                  {@code CORRUPT} when the frames would exceed {@value #MAX_PAYLOAD_BYTES} bytes
     *                                  or a duration does not fit 31 bits
     */
    public static FrameRun read(ByteSource source, AudioStream stream, int fromFrame, int toFrameExclusive,
            long startTime) throws IOException, MediaException {
        FrameTable table = stream.frames();
        Objects.checkFromToIndex(fromFrame, toFrameExclusive, table.frameCount());
        int count = toFrameExclusive - fromFrame;
        if (count < 1 || count > MAX_FRAMES) {
            throw new IllegalArgumentException(count + " frames in one run; at most " + MAX_FRAMES);
        }
        int[] sizes = new int[count];
        int[] durations = new int[count];
        long[] offsets = new long[count];
        long totalBytes = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = table.frameOffset(fromFrame + i);
            sizes[i] = table.frameSize(fromFrame + i);
            long duration = table.frameDuration(fromFrame + i);
            if (duration < 0 || duration > Integer.MAX_VALUE) {
                throw new MediaException(MediaError.CORRUPT, "frame " + (fromFrame + i) + " lasts " + duration);
            }
            durations[i] = (int) duration;
            totalBytes += sizes[i];
        }
        if (totalBytes > MAX_PAYLOAD_BYTES) {
            throw new MediaException(MediaError.CORRUPT, "frames " + fromFrame + ".." + toFrameExclusive + " hold "
                    + totalBytes + " bytes; a run holds at most " + MAX_PAYLOAD_BYTES);
        }
        byte[] payload = new byte[(int) totalBytes];
        byte[] scratch = null;
        int at = 0;
        int first = 0;
        while (first < count) {
            int last = first;
            long gapBytes = 0;
            while (last + 1 < count) {
                long gap = offsets[last + 1] - (offsets[last] + sizes[last]);
                if (gap < 0 || gap > MAX_SPANNED_GAP_BYTES) {
                    break;
                }
                gapBytes += gap;
                last++;
            }
            int length = (int) (offsets[last] + sizes[last] - offsets[first] - gapBytes);
            if (gapBytes == 0) {
                source.readFully(offsets[first], payload, at, length);
                at += length;
            } else {
                int span = (int) (length + gapBytes);
                if (scratch == null || scratch.length < span) {
                    scratch = new byte[span];
                }
                source.readFully(offsets[first], scratch, 0, span);
                for (int i = first; i <= last; i++) {
                    System.arraycopy(scratch, (int) (offsets[i] - offsets[first]), payload, at, sizes[i]);
                    at += sizes[i];
                }
            }
            first = last + 1;
        }
        return new FrameRun(stream.format(), startTime, sizes, durations, payload);
    }

    /**
     * This run followed by the frames of {@code next}, placed right after this run's last frame: {@code next}'s own
     * start time is not used, so that runs read from consecutive files of a book (each on its own timeline) join
     * into one continuous run.
     *
     * @throws IllegalArgumentException when {@code next} is of another stream, or the joined run passes a limit
     */
    public FrameRun concat(FrameRun next) {
        if (!format.sameStreamAs(next.format)) {
            throw new IllegalArgumentException("cannot join " + next.format + " to " + format);
        }
        int count = frameSizes.length + next.frameSizes.length;
        long bytes = (long) payload.length + next.payload.length;
        if (count > MAX_FRAMES || bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("the joined run would hold " + count + " frames, " + bytes + " bytes");
        }
        int[] sizes = Arrays.copyOf(frameSizes, count);
        System.arraycopy(next.frameSizes, 0, sizes, frameSizes.length, next.frameSizes.length);
        int[] durations = Arrays.copyOf(frameDurations, count);
        System.arraycopy(next.frameDurations, 0, durations, frameDurations.length, next.frameDurations.length);
        byte[] joined = Arrays.copyOf(payload, (int) bytes);
        System.arraycopy(next.payload, 0, joined, payload.length, next.payload.length);
        return new FrameRun(format, startTime, sizes, durations, joined);
    }

    /** The number of frames. */
    public int frameCount() {
        return frameSizes.length;
    }

    /** The sum of the frame durations, in {@code format.timescale()} units. */
    public long durationTime() {
        long total = 0;
        for (int duration : frameDurations) {
            total += duration;
        }
        return total;
    }

    /** When the frame after the last one would start: {@code startTime + durationTime()}. */
    public long endTime() {
        return startTime + durationTime();
    }

    /** The size of frame {@code index}. */
    public int frameSize(int index) {
        return frameSizes[index];
    }

    /** The duration of frame {@code index}. */
    public int frameDuration(int index) {
        return frameDurations[index];
    }

    /** The number of payload bytes. */
    public int payloadBytes() {
        return payload.length;
    }

    /** A copy of the frame sizes. */
    @Override
    public int[] frameSizes() {
        return frameSizes.clone();
    }

    /** A copy of the frame durations. */
    @Override
    public int[] frameDurations() {
        return frameDurations.clone();
    }

    /** A copy of the payload; writers in this package read it in place. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    byte[] payloadView() {
        return payload;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameRun r && r.format.equals(format) && r.startTime == startTime
                && Arrays.equals(r.frameSizes, frameSizes) && Arrays.equals(r.frameDurations, frameDurations)
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return (format.hashCode() * 31 + Long.hashCode(startTime)) * 31 + Arrays.hashCode(frameSizes);
    }

    @Override
    public String toString() {
        return "FrameRun[" + format + ", " + frameSizes.length + " frames from " + startTime + " for " + durationTime()
                + ", " + payload.length + " bytes]";
    }
}
