package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaException;

/**
 * Walks a synchronised stream header to header, recording every frame into a {@link FrameIndexBuilder}. A frame is
 * recorded once the next header sits where its length predicts (or the data ends there). When it does not, the
 * walk resynchronises with the same confirmation as the first sync: if the next confirmed frame starts inside
 * the current one, that frame's header was damaged and it is dropped; otherwise the current frame stands and the
 * bytes up to the next frame are skipped. Every step moves forward, so no input can hold the walk.
 */
final class FrameWalk {
    /** Version, layer and sampling frequency bits of a header (ISO/IEC 11172-3 §2.4.1.3), which a stream keeps. */
    private static final int SHAPE_BITS = 0x001E0C00;

    /**
     * What a walk found: the exact index, whether every frame had the same bitrate index, and the first frame whose
     * version, layer, sampling frequency or channel count differs from the first frame's, described.
     */
    record Result(Mp3FrameIndex index, boolean constantBitrate, Optional<String> parameterChange) {
    }

    private final ByteWindow window;
    private final FrameSync sync;
    private final List<String> warnings;
    private final FrameIndexBuilder frames = new FrameIndexBuilder();
    private boolean bitrateVaries;
    private int firstBitrateBits = -1;
    private FrameHeader firstHeader;
    private int firstShape;
    private Optional<String> parameterChange = Optional.empty();

    private FrameWalk(ByteWindow window, FrameSync sync, List<String> warnings) {
        this.window = window;
        this.sync = sync;
        this.warnings = warnings;
    }

    /** Walks from {@code start} to the end of the window's range. */
    static Result walk(ByteWindow window, FrameSync sync, SyncPoint start, List<String> warnings)
            throws IOException, MediaException {
        FrameWalk walk = new FrameWalk(window, sync, warnings);
        walk.run(start);
        return new Result(walk.frames.build(warnings), !walk.bitrateVaries, walk.parameterChange);
    }

    private void run(SyncPoint start) throws IOException {
        long end = window.end();
        SyncPoint point = start;
        while (true) {
            StreamLock lock = point.lock();
            FrameHeader header = point.header();
            frames.startRun(header.sampleRateHz(), header.samplesPerFrame());
            long at = point.offset();
            int word = header.word();
            int bytes = point.frameBytes();
            long next;
            while (true) {
                next = at + bytes;
                if (next > end) {
                    warnings.add("the last frame, at offset " + at + ", is cut short: " + (end - at) + " of its "
                            + bytes + " bytes are present; it is not counted");
                    return;
                }
                if (!window.ensure(next, 4)) {
                    record(at, bytes, word);
                    if (next < end) {
                        warnings.add((end - next) + " bytes after the last frame (offset " + next + ") are not audio");
                    }
                    return;
                }
                int nextWord = window.intAt(next);
                int nextBytes = lock.frameBytes(nextWord);
                if (nextBytes == 0) {
                    break;
                }
                if (!record(at, bytes, word)) {
                    return;
                }
                at = next;
                word = nextWord;
                bytes = nextBytes;
            }
            Optional<SyncPoint> found = sync.find(at + 1, end);
            if (found.isEmpty()) {
                record(at, bytes, word);
                warnings.add((end - next) + " bytes from offset " + next + " to the end hold no further frames");
                return;
            }
            SyncPoint resumed = found.get();
            if (resumed.offset() >= next) {
                if (!record(at, bytes, word)) {
                    return;
                }
                if (resumed.offset() > next) {
                    warnings.add("skipped " + (resumed.offset() - next) + " bytes of damaged or foreign data at offset "
                            + next + "; frames resume at offset " + resumed.offset());
                }
            } else {
                warnings.add("dropped a damaged frame at offset " + at + "; frames resume at offset "
                        + resumed.offset() + ", " + (resumed.offset() - at) + " bytes on");
            }
            if (!resumed.lock().sameStream(lock)) {
                warnings.add("the stream changes to " + resumed.header().codecDetail() + ", "
                        + resumed.header().sampleRateHz() + " Hz at offset " + resumed.offset());
            }
            point = resumed;
        }
    }

    private boolean record(long at, int bytes, int word) {
        int bitrateBits = word & 0xF000;
        if (firstBitrateBits < 0) {
            firstBitrateBits = bitrateBits;
        } else if (bitrateBits != firstBitrateBits) {
            bitrateVaries = true;
        }
        noteShape(at, word);
        if (!frames.add(at, bytes)) {
            warnings.add("stopped indexing after " + FrameIndexBuilder.MAX_FRAMES + " frames");
            return false;
        }
        return true;
    }

    /** Remembers the first frame that changes the stream's version, layer, sampling frequency or channel count. */
    private void noteShape(long at, int word) {
        int shape = word & SHAPE_BITS | (((word >>> 6) & 3) == 3 ? 1 : 0);
        if (firstHeader == null) {
            firstHeader = new FrameHeader(word);
            firstShape = shape;
        } else if (shape != firstShape && parameterChange.isEmpty()) {
            FrameHeader changed = new FrameHeader(word);
            parameterChange = Optional.of("frame " + frames.frameCount() + " at offset " + at + " is "
                    + describe(changed) + " where the stream began as " + describe(firstHeader));
        }
    }

    private static String describe(FrameHeader header) {
        return header.codecDetail() + ", " + header.sampleRateHz() + " Hz, " + header.channels() + " channel"
                + (header.channels() == 1 ? "" : "s");
    }
}
