package org.cyprus.media.flac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * One seek point of a SEEKTABLE block (RFC 9639 §8.5.1): the first sample of a frame and the frame's offset
 * from the first frame header.
 *
 * @param sampleNumber number of the frame's first sample
 * @param streamOffset bytes from the first frame's header to this frame's
 * @param frameSamples samples in the frame
 */
record SeekTablePoint(long sampleNumber, long streamOffset, int frameSamples) {
    private static final int POINT_BYTES = 18;
    /** A placeholder point (§8.5.1) has this sample number and is ignored. */
    private static final long PLACEHOLDER = 0xFFFF_FFFF_FFFF_FFFFL;

    /**
     * Reads the points of a SEEKTABLE block of {@code lengthBytes}, dropping placeholders and points out of
     * ascending order (§8.5 requires them sorted and unique).
     */
    static List<SeekTablePoint> parseSeekTable(ByteReader r, int lengthBytes, List<String> warnings)
            throws IOException, MediaException {
        if (lengthBytes % POINT_BYTES != 0) {
            warnings.add("SEEKTABLE length " + lengthBytes + " is not a multiple of " + POINT_BYTES);
        }
        List<SeekTablePoint> points = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < lengthBytes / POINT_BYTES; i++) {
            long sample = r.s64();
            long offset = r.s64();
            int samples = r.u16();
            if (sample == PLACEHOLDER) {
                continue;
            }
            SeekTablePoint last = points.isEmpty() ? null : points.getLast();
            if (sample < 0 || offset < 0
                    || (last != null && (sample <= last.sampleNumber() || offset <= last.streamOffset()))) {
                dropped++;
                continue;
            }
            points.add(new SeekTablePoint(sample, offset, samples));
        }
        if (dropped > 0) {
            warnings.add("SEEKTABLE: " + dropped + " points out of order were ignored");
        }
        return points;
    }
}
