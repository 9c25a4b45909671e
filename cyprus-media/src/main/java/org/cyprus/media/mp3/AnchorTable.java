package org.cyprus.media.mp3;

/**
 * Points {@code (frame, byte offset)} known from a seek table, non-decreasing in both, from
 * {@code (0, first audio frame)} to {@code (frameCount, audio end)}; positions between them are interpolated
 * linearly, as the Xing and VBRI tables intend.
 */
final class AnchorTable {
    private final long[] frames;
    private final long[] offsets;

    /**
     * Anchors from raw points, made monotone and clamped into the stream: a hostile table cannot make the
     * interpolation run backwards or outside {@code [firstOffset, endOffset]}.
     */
    AnchorTable(long[] rawFrames, long[] rawOffsets, int frameCount, long firstOffset, long endOffset) {
        int n = rawFrames.length;
        frames = new long[n + 2];
        offsets = new long[n + 2];
        frames[0] = 0;
        offsets[0] = firstOffset;
        for (int i = 0; i < n; i++) {
            frames[i + 1] = Math.min(Math.max(rawFrames[i], frames[i]), frameCount);
            offsets[i + 1] = Math.min(Math.max(rawOffsets[i], offsets[i]), endOffset);
        }
        frames[n + 1] = frameCount;
        offsets[n + 1] = Math.max(endOffset, offsets[n]);
    }

    /** The interpolated offset of {@code frame}, rounded up. */
    long offsetOf(long frame) {
        int j = firstAtLeast(frames, frame);
        if (j == 0 || j == frames.length) {
            return j == 0 ? offsets[0] : offsets[frames.length - 1];
        }
        if (frames[j] == frame) {
            return offsets[j];
        }
        int i = j - 1;
        return offsets[i] + MulDiv.ceil(frame - frames[i], offsets[j] - offsets[i], frames[j] - frames[i]);
    }

    /** The interpolated frame at {@code offset}, rounded down. */
    long frameAt(long offset) {
        int j = firstAbove(offsets, offset);
        if (j == 0 || j == offsets.length) {
            return j == 0 ? 0 : frames[offsets.length - 1];
        }
        int i = j - 1;
        return frames[i] + MulDiv.floor(offset - offsets[i], frames[j] - frames[i], offsets[j] - offsets[i]);
    }

    /** The first index whose value is at least {@code value}, or the length when none is. */
    private static int firstAtLeast(long[] values, long value) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first index whose value exceeds {@code value}, or the length when none does. */
    private static int firstAbove(long[] values, long value) {
        return value == Long.MAX_VALUE ? values.length : firstAtLeast(values, value + 1);
    }

    int size() {
        return frames.length;
    }
}
