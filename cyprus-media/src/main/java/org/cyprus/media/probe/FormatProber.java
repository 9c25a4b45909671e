package org.cyprus.media.probe;

import java.io.IOException;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;

/** Reads one container format, once {@link Sniffer} has identified it. */
interface FormatProber {

    MediaInfo probe(ByteSource source, Sniffed sniffed) throws IOException, MediaException;

    /** The exact frame table of the audio; formats without one throw {@code UNSUPPORTED}. */
    FrameTable frameTable(ByteSource source, Sniffed sniffed) throws IOException, MediaException;
}
