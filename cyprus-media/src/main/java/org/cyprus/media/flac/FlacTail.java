package org.cyprus.media.flac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Finds the last complete frame of a FLAC stream by scanning its tail: the exact sample count when STREAMINFO
 * leaves it unknown, and proof of truncation when the file ends before the samples STREAMINFO promises.
 *
 * <p>A frame counts only when its header passes CRC-8 and agrees with STREAMINFO (RFC 9639 §9.1) and its
 * CRC-16 (§9.3) checks out over the bytes up to the next header or the end of the audio, so frame-like bytes in
 * compressed audio cannot pass for a frame.
 */
final class FlacTail {
    /** The last frame: where it starts and ends and the sample number just past it. */
    record LastFrame(long offset, long endOffset, long endSample) {
    }

    private static final int MIN_WINDOW_BYTES = 64 * 1024;
    private static final int MAX_WINDOW_BYTES = 1024 * 1024;
    private static final int MAX_CANDIDATES = 64;

    private FlacTail() {
    }

    /**
     * The last frame in {@code [audioStart, audioEnd)} that checks out, if one does within the scanned tail.
     *
     * @param first the stream's first frame header: the blocking strategy of every frame must match its own, and a
     *              fixed-block-size stream's frame numbers count blocks of its size
     */
    static Optional<LastFrame> findLastFrame(ByteSource source, long audioStart, long audioEnd, StreamInfo info,
            FrameHeader first) throws IOException, MediaException {
        long window = Math.clamp(3L * info.maxFrameBytes() + FrameHeader.MAX_BYTES, MIN_WINDOW_BYTES, MAX_WINDOW_BYTES);
        long windowStart = Math.max(audioStart, audioEnd - window);
        if (audioEnd <= windowStart) {
            return Optional.empty();
        }
        byte[] tail = source.readBytes(windowStart, (int) (audioEnd - windowStart));
        List<FrameHeader> candidates = candidates(tail, windowStart, info, first.variableBlockSize());
        long maxFrameBytes = info.maxFrameBytes() > 0 ? info.maxFrameBytes() + 2L : tail.length;
        for (int c = candidates.size() - 1; c >= 0; c--) {
            FrameHeader header = candidates.get(c);
            int from = (int) (header.offset() - windowStart);
            int next = c + 1;
            int crc = 0;
            for (int p = from; p < tail.length && p - from <= maxFrameBytes; p++) {
                crc = FlacCrc.crc16(crc, tail[p]);
                int end = p + 1;
                while (next < candidates.size() && candidates.get(next).offset() - windowStart < end) {
                    next++;
                }
                boolean boundary = end == tail.length
                        || (next < candidates.size() && candidates.get(next).offset() - windowStart == end);
                if (boundary && crc == 0 && end - from > header.headerBytes()) {
                    long endSample = header.firstSample(first.blockSize()) + header.blockSize();
                    return Optional.of(new LastFrame(header.offset(), windowStart + end, endSample));
                }
            }
        }
        return Optional.empty();
    }

    /** Valid headers in the tail that agree with STREAMINFO, in file order; at most the last few dozen. */
    private static List<FrameHeader> candidates(byte[] tail, long windowStart, StreamInfo info, boolean variable) {
        List<FrameHeader> found = new ArrayList<>();
        for (int i = tail.length - 2; i >= 0 && found.size() < MAX_CANDIDATES; i--) {
            if (FrameHeader.syncAt(tail, i, tail.length)) {
                FrameHeader header = FrameHeader.parseFrameHeader(tail, i, tail.length, windowStart + i);
                if (header != null && header.agreesWith(info) && header.variableBlockSize() == variable) {
                    found.add(header);
                }
            }
        }
        return found.reversed();
    }
}
