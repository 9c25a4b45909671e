package org.cyprus.media.probe;

import java.io.IOException;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;

/** Containers whose prober reads the whole file, tags included: FLAC, Ogg, WAV. */
final class WholeFileFormat implements FormatProber {
    /** Reads a file from where its container starts. */
    @FunctionalInterface
    interface FileProber {
        MediaInfo probe(ByteSource source, long start) throws IOException, MediaException;
    }

    private final ContainerFormat format;
    private final FileProber prober;

    WholeFileFormat(ContainerFormat format, FileProber prober) {
        this.format = format;
        this.prober = prober;
    }

    @Override
    public MediaInfo probe(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        return prober.probe(source, sniffed.contentStart());
    }

    @Override
    public FrameTable frameTable(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        if (probe(source, sniffed).seekIndex() instanceof FrameTable table) {
            return table;
        }
        throw new MediaException(MediaError.UNSUPPORTED,
                format.id() + " files have no exact frame table here; they are streamed whole, or transcoded");
    }
}
