package org.cyprus.media.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.Chapter;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.id3.Id3Reader;
import org.cyprus.media.id3.Id3Result;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.mp3.Mp3FrameIndex;
import org.cyprus.media.mp3.Mp3Prober;
import org.cyprus.media.mp3.Mp3Stream;

/** MP3 (and MP1/MP2) files: the tags around the audio from {@code id3}, the frames between them from {@code mp3}. */
final class Mp3Format implements FormatProber {
    static final Mp3Format INSTANCE = new Mp3Format();

    @Override
    public MediaInfo probe(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        Id3Result tags = Id3Reader.read(source);
        Mp3Stream stream = Mp3Prober.probe(source, tags.audioStart(), tags.audioEnd());
        List<String> warnings = new ArrayList<>(tags.warnings());
        warnings.addAll(stream.warnings());
        Tags merged = tags.tags();
        if (stream.encoder().isPresent() && merged.first(TagKey.ENCODER).isEmpty()) {
            merged = merged.withFallback(Tags.builder().add(TagKey.ENCODER, stream.encoder().get()).build());
        }
        return new MediaInfo(ContainerFormat.MP3, stream.codec(), stream.codecDetail(), stream.sampleRateHz(), stream.channels(),
                stream.bitrateBps(), stream.durationUs(), stream.gaplessDurationUs(), stream.firstFrameOffset(),
                stream.audioEndByte(), merged, clamp(tags.chapters(), stream.durationUs(), warnings), tags.cover(), warnings,
                stream.seekIndex());
    }

    @Override
    public FrameTable frameTable(ByteSource source, Sniffed sniffed) throws IOException, MediaException {
        Id3Result tags = Id3Reader.read(source);
        return Mp3FrameIndex.build(source, tags.audioStart(), tags.audioEnd());
    }

    /** Chapters cut to the audio's duration; those starting past its end are dropped, with a warning. */
    static List<Chapter> clamp(List<Chapter> chapters, long durationUs, List<String> warnings) {
        List<Chapter> out = new ArrayList<>(chapters.size());
        int dropped = 0;
        for (Chapter c : chapters) {
            if (c.startUs() >= durationUs && durationUs > 0) {
                dropped++;
                continue;
            }
            out.add(c.endUs() > durationUs ? new Chapter(c.title(), c.startUs(), durationUs) : c);
        }
        if (dropped > 0) {
            warnings.add(dropped + " chapter(s) start after the audio ends and were dropped");
        }
        return out;
    }
}
