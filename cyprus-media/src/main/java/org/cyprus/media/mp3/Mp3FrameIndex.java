package org.cyprus.media.mp3;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * The exact position, size and time of every audio frame of an MPEG audio stream, held compactly: frame sizes as
 * 16-bit values (MPEG frames are shorter than 64 KiB), the absolute offset of every {@value #BLOCK_FRAMES}th frame,
 * the rare gaps where damaged bytes were skipped, and times derived from frame numbers through runs of equal
 * sample rate — about 2.1 bytes per frame, 6 MB for a 20-hour book. A Xing/Info or VBRI frame is not audio and
 * is not indexed. Times are in {@link #timescale()} units (the sample rate for an ordinary file).
 */
public final class Mp3FrameIndex implements FrameTable {
    static final int BLOCK_SHIFT = 6;
    static final int BLOCK_FRAMES = 1 << BLOCK_SHIFT;

    private final int frameCount;
    private final char[] sizes;
    private final long[] blockOffsets;
    private final int[] gapFrames;
    private final long[] gapBytes;
    private final FrameRuns runs;
    private final List<String> warnings;
    private final long durationUs;

    Mp3FrameIndex(int frameCount, char[] sizes, long[] blockOffsets, int[] gapFrames, long[] gapBytes, FrameRuns runs,
            List<String> warnings) {
        this.frameCount = frameCount;
        this.sizes = sizes;
        this.blockOffsets = blockOffsets;
        this.gapFrames = gapFrames;
        this.gapBytes = gapBytes;
        this.runs = runs;
        this.warnings = List.copyOf(warnings);
        int last = frameCount - 1;
        this.durationUs = toMicros(frameTime(last) + frameDuration(last));
    }

    /**
     * Indexes every audio frame in {@code [audioStart, audioEnd)}, scanning the whole range (a Xing frame count is
     * not trusted here: the index is exact by definition).
     *
     * @throws MediaException {@code UNRECOGNIZED} when no confirmed frame sequence starts in the range,
     *                        {@code NO_AUDIO} when the only frame is a Xing/Info or VBRI frame
     */
    public static Mp3FrameIndex build(ByteSource source, long audioStart, long audioEnd) throws IOException, MediaException {
        return StreamScan.of(source, audioStart, audioEnd).scanAll().index();
    }

    /** Writes the index in a compact, versioned, checksummed form for an on-disk cache. */
    public void writeTo(DataOutput out) throws IOException {
        FrameIndexFile.write(this, out);
    }

    /**
     * Reads an index {@link #writeTo} wrote, checking everything it reads.
     *
     * @throws MediaException {@code CORRUPT} for damaged or truncated data, {@code UNSUPPORTED} for another
     *                        format version (rebuild the index then)
     */
    public static Mp3FrameIndex readFrom(DataInput in) throws IOException, MediaException {
        return FrameIndexFile.read(in);
    }

    /** Problems met while indexing: skipped bytes, a truncated last frame, a change of sample rate. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public long timescale() {
        return runs.timescale();
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public long frameOffset(int index) {
        int block = checkIndex(index) >>> BLOCK_SHIFT;
        int first = block << BLOCK_SHIFT;
        long offset = blockOffsets[block];
        for (int frame = first; frame < index; frame++) {
            offset += sizes[frame];
        }
        if (gapFrames.length > 0) {
            for (int gap = firstGapAfter(first); gap < gapFrames.length && gapFrames[gap] <= index; gap++) {
                offset += gapBytes[gap];
            }
        }
        return offset;
    }

    /** The position of the first gap at a frame after {@code frame}. */
    private int firstGapAfter(int frame) {
        int found = Arrays.binarySearch(gapFrames, frame + 1);
        return found >= 0 ? found : -found - 1;
    }

    @Override
    public int frameSize(int index) {
        return sizes[checkIndex(index)];
    }

    @Override
    public long frameTime(int index) {
        return runs.frameTime(checkIndex(index));
    }

    @Override
    public long frameDuration(int index) {
        return runs.frameDuration(checkIndex(index));
    }

    @Override
    public int frameAt(long time) {
        return runs.frameAt(time);
    }

    @Override
    public long durationUs() {
        return durationUs;
    }

    /** The frame whose bytes start at or before {@code byteOffset}, clamped into the stream. */
    public int frameContaining(long byteOffset) {
        if (byteOffset <= blockOffsets[0]) {
            return 0;
        }
        int found = Arrays.binarySearch(blockOffsets, byteOffset);
        int block = found >= 0 ? found : -found - 2;
        int frame = block << BLOCK_SHIFT;
        int blockEnd = Math.min(frameCount, frame + BLOCK_FRAMES);
        long offset = blockOffsets[block];
        int gap = gapFrames.length > 0 ? firstGapAfter(frame) : 0;
        while (frame + 1 < blockEnd) {
            long next = offset + sizes[frame];
            if (gap < gapFrames.length && gapFrames[gap] == frame + 1) {
                next += gapBytes[gap++];
            }
            if (next > byteOffset) {
                break;
            }
            offset = next;
            frame++;
        }
        return frame;
    }

    @Override
    public long timeAt(long byteOffset) {
        return toMicros(frameTime(frameContaining(byteOffset)));
    }

    /** Converts microseconds to timescale units, rounding down, saturating instead of overflowing. */
    @Override
    public long toTimescale(long timeUs) {
        return MulDiv.floor(Math.max(0, timeUs), timescale(), 1_000_000L);
    }

    /** Converts timescale units to microseconds, rounding down, saturating instead of overflowing. */
    @Override
    public long toMicros(long time) {
        return MulDiv.floor(Math.max(0, time), 1_000_000L, timescale());
    }

    /** The offset just past the last frame. */
    public long audioEndByte() {
        int last = frameCount - 1;
        return frameOffset(last) + sizes[last];
    }

    /** The bytes of all frames together (skipped gaps excluded). */
    public long frameBytesTotal() {
        long total = 0;
        for (int i = 0; i < frameCount; i++) {
            total += sizes[i];
        }
        return total;
    }

    /** The approximate heap this index occupies, for sizing caches. */
    public long footprintBytes() {
        return 64 + 2L * sizes.length + 8L * blockOffsets.length + 12L * gapFrames.length + 64L * runs.count();
    }

    FrameRuns runs() {
        return runs;
    }

    int gapCount() {
        return gapFrames.length;
    }

    int gapFrame(int gap) {
        return gapFrames[gap];
    }

    long gapBytes(int gap) {
        return gapBytes[gap];
    }

    private int checkIndex(int index) {
        return java.util.Objects.checkIndex(index, frameCount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mp3FrameIndex x && x.frameCount == frameCount && Arrays.equals(x.sizes, sizes)
                && Arrays.equals(x.blockOffsets, blockOffsets) && Arrays.equals(x.gapFrames, gapFrames)
                && Arrays.equals(x.gapBytes, gapBytes) && x.runs.equals(runs) && x.warnings.equals(warnings);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + Long.hashCode(blockOffsets[0]);
    }

    @Override
    public String toString() {
        return "Mp3FrameIndex[" + frameCount + " frames from offset " + blockOffsets[0] + ", " + runs + ", "
                + gapFrames.length + " gaps]";
    }
}
