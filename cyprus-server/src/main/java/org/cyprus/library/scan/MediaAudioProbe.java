package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.AudioFile;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;

/** The scanner's {@link AudioProbe} over Cyprus's own media engine. */
public final class MediaAudioProbe implements AudioProbe {

    @Override
    public ProbedAudio probe(Path file) {
        ProbeResult result = MediaProbe.probe(file);
        try {
            return switch (result) {
                case ProbeResult.Probed probed -> new Readable(facts(probed.info()),
                        Fingerprints.of(file, probed.info().audioStartByte(), probed.info().audioEndByte()));
                case ProbeResult.Failed failed -> new Unreadable(new AudioFile.FileProblem(failed.error().code(), failed.message()),
                        Fingerprints.ofWholeFile(file));
            };
        } catch (IOException e) {
            return new Unreadable(new AudioFile.FileProblem("io_error", "cannot read the file: " + e.getMessage()), "unreadable:" + file);
        }
    }

    static AudioFacts facts(MediaInfo info) {
        Optional<AudioFacts.EmbeddedCover> cover = info.cover().map(c -> new AudioFacts.EmbeddedCover(c.mimeType(), c.sizeBytes(),
                c.location() instanceof CoverArt.InFile inFile ? OptionalLong.of(inFile.offset()) : OptionalLong.empty()));
        return new AudioFacts(info.format(), info.codec(), info.codecDetail(), info.sampleRateHz(), info.channels(),
                info.bitrateBps(), info.durationUs(), info.gaplessDurationUs(), info.audioStartByte(), info.audioEndByte(),
                info.tags(), info.chapters(), cover, info.warnings());
    }
}
