package org.cyprus.media.mux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/** Cuts a whole stream into runs of about {@code seconds} each, on the stream's own timeline, as a server would. */
final class Cuts {
    private Cuts() {
    }

    static List<FrameRun> of(ByteSource source, AudioStream stream, double seconds) throws IOException, MediaException {
        FrameTable frames = stream.frames();
        long step = (long) (seconds * frames.timescale());
        List<FrameRun> runs = new ArrayList<>();
        int from = 0;
        for (long cut = step; from < frames.frameCount(); cut += step) {
            int to = cut >= stream.endTime() ? frames.frameCount() : Math.max(from + 1, frames.frameAt(cut));
            runs.add(FrameRun.read(source, stream, from, to, frames.frameTime(from)));
            from = to;
        }
        return runs;
    }
}
