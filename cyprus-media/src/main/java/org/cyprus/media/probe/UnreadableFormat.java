package org.cyprus.media.probe;

import org.cyprus.media.ContainerFormat;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;

/** Containers Cyprus recognises but cannot read the details of (WMA's ASF, Matroska/WebM): a clear, typed error. */
final class UnreadableFormat implements FormatProber {
    private final ContainerFormat format;
    private final String name;

    UnreadableFormat(ContainerFormat format, String name) {
        this.format = format;
        this.name = name;
    }

    @Override
    public MediaInfo probe(ByteSource source, Sniffed sniffed) throws MediaException {
        throw new MediaException(MediaError.UNSUPPORTED, "this is " + name + ", which this version of Cyprus recognises but cannot read");
    }

    @Override
    public FrameTable frameTable(ByteSource source, Sniffed sniffed) throws MediaException {
        throw new MediaException(MediaError.UNSUPPORTED, format.id() + " files cannot be read by this version of Cyprus");
    }
}
