package org.cyprus.media.probe;

import java.io.IOException;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.mp4.Mp4Prober;

/** MP4, M4A and M4B files: everything from {@code mp4}; the exact table is the audio track's sample table. */
final class Mp4Format implements FormatProber {

    @Override
    public MediaInfo probe(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        return Mp4Prober.probe(source);
    }

    @Override
    public FrameTable frameTable(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        return Mp4Prober.audioTrack(source).sampleTable();
    }
}
