package org.cyprus.media.mp3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * One pass over the audio range of a file: synchronise on the first confirmed frame (skipping junk before it),
 * read its Xing/Info or VBRI header, and on request walk every frame after it.
 */
final class StreamScan {
    /** How far into the range the first frame is searched for: further than that, it is not an MPEG audio file. */
    static final int MAX_LEADING_JUNK_BYTES = 2 << 20;

    private final ByteWindow window;
    private final FrameSync sync;
    private final StreamHead head;
    private final List<String> warnings;

    private StreamScan(ByteWindow window, FrameSync sync, StreamHead head, List<String> warnings) {
        this.window = window;
        this.sync = sync;
        this.head = head;
        this.warnings = warnings;
    }

    /**
     * Synchronises on {@code [start, end)} of {@code source} ({@code end} clamped to the source's size).
     *
     * @throws MediaException {@code UNRECOGNIZED} when no confirmed frame sequence starts in the first
     *                        {@value #MAX_LEADING_JUNK_BYTES} bytes; {@code NO_AUDIO} for a lone Xing/VBRI frame
     */
    static StreamScan of(ByteSource source, long start, long end) throws IOException, MediaException {
        if (start < 0) {
            throw new IllegalArgumentException("negative audio start " + start);
        }
        long clampedEnd = Math.min(end, source.size());
        if (start >= clampedEnd) {
            throw new MediaException(MediaError.UNRECOGNIZED, "no bytes to read as MPEG audio in range "
                    + start + ".." + end + " of a " + source.size() + "-byte file");
        }
        ByteWindow window = new ByteWindow(source, start, clampedEnd, ByteWindow.BLOCK_BYTES);
        FrameSync sync = new FrameSync(window);
        Optional<SyncPoint> first = sync.find(start, start + MAX_LEADING_JUNK_BYTES);
        if (first.isEmpty()) {
            throw new MediaException(MediaError.UNRECOGNIZED, "no MPEG audio frame sequence found in the first "
                    + Math.min(clampedEnd - start, MAX_LEADING_JUNK_BYTES) + " bytes from offset " + start);
        }
        List<String> warnings = new ArrayList<>();
        if (first.get().offset() > start) {
            warnings.add("skipped " + (first.get().offset() - start) + " bytes before the first frame at offset "
                    + first.get().offset());
        }
        StreamHead head = StreamHead.read(window, sync, first.get(), warnings);
        return new StreamScan(window, sync, head, warnings);
    }

    StreamHead head() {
        return head;
    }

    /** The end of the range, clamped to the source. */
    long end() {
        return window.end();
    }

    /** Warnings so far; a walk adds its own. */
    List<String> warnings() {
        return warnings;
    }

    /** Walks every audio frame from the first one to the end of the range. */
    FrameWalk.Result scanAll() throws IOException, MediaException {
        return FrameWalk.walk(window, sync, head.firstAudio(), warnings);
    }
}
