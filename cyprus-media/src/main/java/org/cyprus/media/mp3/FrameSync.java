package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds where MPEG audio frames really start. A sync word is two bytes that junk, cover art or a damaged frame
 * contain by chance, so a candidate header counts only when the next {@value #CONFIRMING_FRAMES} frames sit
 * exactly where its length predicts and repeat its version, layer and sampling frequency; near the end of the
 * data fewer confirmations do (at least one, or a single frame that ends exactly at the end).
 */
final class FrameSync {
    static final int CONFIRMING_FRAMES = 3;
    /** The longest free-format frame searched for: free format needs the next header to measure a frame. */
    static final int MAX_FREE_FORMAT_FRAME_BYTES = 16384;
    private static final int MIN_FREE_FORMAT_FRAME_BYTES = 16;
    private static final int FREE_FORMAT_CANDIDATES = 4;

    private final ByteWindow window;

    FrameSync(ByteWindow window) {
        this.window = window;
    }

    /** The first confirmed frame starting in {@code [from, candidateLimit)}, if any. */
    Optional<SyncPoint> find(long from, long candidateLimit) throws IOException {
        long limit = Math.min(candidateLimit, window.end());
        for (long at = from; at < limit; at++) {
            if (!window.ensure(at, 4)) {
                return Optional.empty();
            }
            if (window.u8At(at) == 0xFF && (window.u8At(at + 1) & 0xE0) == 0xE0) {
                Optional<SyncPoint> found = confirmAt(at);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A sync point at exactly {@code offset}, if a confirmed run of frames starts there. */
    Optional<SyncPoint> confirmAt(long offset) throws IOException {
        if (!window.ensure(offset, 4)) {
            return Optional.empty();
        }
        Optional<FrameHeader> decoded = FrameHeader.decode(window.intAt(offset));
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        FrameHeader header = decoded.get();
        if (header.freeFormat()) {
            return confirmFreeFormat(offset, header);
        }
        StreamLock lock = StreamLock.fixed(header);
        int bytes = header.frameBytes().orElseThrow();
        return chainHolds(offset, lock, bytes) ? Optional.of(new SyncPoint(offset, header, lock, bytes)) : Optional.empty();
    }

    /**
     * Free format (bitrate_index 0, ISO/IEC 11172-3 §2.4.2.3): the frame length is the distance to the next header
     * of the same stream, less this frame's padding slot; every unpadded frame of the stream has that length.
     */
    private Optional<SyncPoint> confirmFreeFormat(long offset, FrameHeader header) throws IOException {
        int pad = header.padded() ? header.layer().slotBytes() : 0;
        int tried = 0;
        for (int distance = MIN_FREE_FORMAT_FRAME_BYTES; distance <= MAX_FREE_FORMAT_FRAME_BYTES; distance++) {
            long next = offset + distance;
            if (!window.ensure(next, 4)) {
                return Optional.empty();
            }
            int word = window.intAt(next);
            if ((word & StreamLock.STREAM_MASK) != (header.word() & StreamLock.STREAM_MASK) || (word & 0xF000) != 0
                    || (header.layer() == MpegLayer.LAYER_1 && distance % 4 != 0)) {
                continue;
            }
            StreamLock lock = StreamLock.free(header, distance - pad);
            if (chainHolds(offset, lock, distance)) {
                return Optional.of(new SyncPoint(offset, header, lock, distance));
            }
            if (++tried == FREE_FORMAT_CANDIDATES) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean chainHolds(long offset, StreamLock lock, int firstFrameBytes) throws IOException {
        long end = window.end();
        long at = offset;
        int bytes = firstFrameBytes;
        for (int confirmed = 0; confirmed < CONFIRMING_FRAMES; confirmed++) {
            long next = at + bytes;
            if (next > end) {
                return confirmed > 0;
            }
            if (!window.ensure(next, 4)) {
                return confirmed > 0 || next == end;
            }
            bytes = lock.frameBytes(window.intAt(next));
            if (bytes == 0) {
                return false;
            }
            at = next;
        }
        return true;
    }
}
