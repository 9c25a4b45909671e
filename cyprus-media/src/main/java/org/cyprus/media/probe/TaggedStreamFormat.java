package org.cyprus.media.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.id3.Id3Reader;
import org.cyprus.media.id3.Id3Result;
import org.cyprus.media.io.ByteSource;

/**
 * Bare streams that carry their tags outside themselves, as MP3 does: raw AAC (ADTS) and WavPack, with ID3v2 tags
 * before and ID3v1/APEv2 tags after. The stream's prober reads the range between; the tags come from {@code id3}.
 */
final class TaggedStreamFormat implements FormatProber {
    /** Reads the stream in a byte range. */
    @FunctionalInterface
    interface StreamProber {
        MediaInfo probe(ByteSource source, long start, long end) throws IOException, MediaException;
    }

    private final ContainerFormat format;
    private final StreamProber prober;

    TaggedStreamFormat(ContainerFormat format, StreamProber prober) {
        this.format = format;
        this.prober = prober;
    }

    @Override
    public MediaInfo probe(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        Id3Result tags = Id3Reader.read(source);
        MediaInfo stream = prober.probe(source, tags.audioStart(), tags.audioEnd());
        List<String> warnings = new ArrayList<>(tags.warnings());
        warnings.addAll(stream.warnings());
        return new MediaInfo(stream.format(), stream.codec(), stream.codecDetail(), stream.sampleRateHz(), stream.channels(),
                stream.bitrateBps(), stream.durationUs(), stream.gaplessDurationUs(), stream.audioStartByte(),
                stream.audioEndByte(), tags.tags().withFallback(stream.tags()),
                Mp3Format.clamp(tags.chapters().isEmpty() ? stream.chapters() : tags.chapters(), stream.durationUs(), warnings),
                tags.cover().or(stream::cover), warnings, stream.seekIndex());
    }

    @Override
    public FrameTable frameTable(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        if (probe(source, sniffed).seekIndex() instanceof FrameTable table) {
            return table;
        }
        throw new MediaException(MediaError.UNSUPPORTED, format.id() + " streams have no exact frame table");
    }
}
