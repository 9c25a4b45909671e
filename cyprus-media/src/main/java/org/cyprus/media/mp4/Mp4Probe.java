package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.Chapter;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;

/**
 * One probe of an MP4 file and everything it found on the way: the top-level boxes, the movie, the chosen audio
 * track, metadata, chapters and the resulting {@link MediaInfo}. {@link Mp4Prober} hands out the parts callers
 * need; tests dump the rest.
 */
record Mp4Probe(List<Box> topLevel, Movie movie, Track audio, int fragments, Mp4AudioTrack audioTrack,
        ItunesMetadata.Result metadata, GaplessTrim trim, ChapterSources chapterSources, MediaInfo mediaInfo) {

    static Mp4Probe run(ByteSource source) throws IOException, MediaException {
        if (source.size() == 0) {
            throw new MediaException(MediaError.EMPTY, "the file is empty");
        }
        if (!Mp4Prober.looksLikeMp4(source)) {
            throw new MediaException(MediaError.UNRECOGNIZED, "not an ISO base media (MP4) file");
        }
        Warnings warnings = new Warnings();
        BoxWalker walker = new BoxWalker(source, warnings);
        List<Box> topLevel = walker.topLevel();
        Box moov = moov(topLevel, warnings);
        Movie movie;
        Track audio;
        SampleTableBuilder builder;
        try {
            movie = MovieBoxes.parseMoov(walker, moov);
            audio = chooseAudioTrack(movie, warnings);
            builder = new SampleTableBuilder(audio.media().timescale());
            if (audio.stbl().isPresent()) {
                SampleTableAssembler.assemble(walker, audio.stbl().get(), builder, audio.label());
            }
        } catch (MediaException e) {
            // What contradicts itself in a cut-off moov was most likely cut: report the truncation.
            if (moov.truncated() && e.error() == MediaError.CORRUPT) {
                throw new MediaException(MediaError.TRUNCATED, "moov is truncated: " + e.getMessage(), e);
            }
            throw e;
        }
        List<Box> moofs = topLevel.stream().filter(b -> b.type() == BoxType.MOOF).toList();
        int fragments = readFragments(walker, movie, audio, moofs, builder);
        SampleTable table = builder.build();
        if (table.frameCount() == 0) {
            boolean truncated = topLevel.stream().anyMatch(Box::truncated);
            throw new MediaException(truncated ? MediaError.TRUNCATED : MediaError.NO_AUDIO,
                    audio.label() + " has no samples" + (truncated ? "; the file is truncated" : ""));
        }
        AudioFormat format = AudioFormats.describe(audio, table, source, warnings);
        ItunesMetadata.Result metadata = ItunesMetadata.read(walker, movie);
        GaplessTrim trim = GaplessTrim.of(audio, movie.header(), metadata.smpb(), table.totalDuration(),
                format.sampleRateHz(), warnings);
        Mp4AudioTrack track = new Mp4AudioTrack(audio.trackId(), audio.media().timescale(), format.codec(),
                format.codecDetail(), format.audioSpecificConfig().orElse(null), format.sampleRateHz(),
                format.channels(), trim.primingSamples(), trim.paddingSamples(), table);
        ChapterSources chapterSources = ChapterSources.read(walker, movie, audio);
        List<Chapter> chapters = ChapterTimeline.build(chapterSources.marks(), track.gaplessDurationUs(), warnings);
        int last = table.frameCount() - 1;
        MediaInfo info = new MediaInfo(ContainerFormat.MP4, format.codec(), format.codecDetail(), format.sampleRateHz(),
                format.channels(), bitrateBps(table), table.durationUs(), track.gaplessDurationUs(),
                table.frameOffset(0), table.frameOffset(last) + table.frameSize(last), metadata.tags(), chapters,
                metadata.cover(), warnings.list(), table);
        return new Mp4Probe(topLevel, movie, audio, fragments, track, metadata, trim, chapterSources, info);
    }

    private static Box moov(List<Box> topLevel, Warnings warnings) throws MediaException {
        List<Box> moovs = topLevel.stream().filter(b -> b.type() == BoxType.MOOV).toList();
        if (moovs.isEmpty()) {
            boolean mdat = topLevel.stream().anyMatch(b -> b.type() == BoxType.MDAT);
            throw new MediaException(mdat ? MediaError.TRUNCATED : MediaError.CORRUPT,
                    "no moov box" + (mdat ? ": the file is truncated or was never finished" : ""));
        }
        if (moovs.size() > 1) {
            warnings.add(moovs.size() + " moov boxes; the first is used");
        }
        return moovs.getFirst();
    }

    /** The enabled audio track ({@code tkhd} flag 1, ISO/IEC 14496-12 §8.3.2), else the first one. */
    private static Track chooseAudioTrack(Movie movie, Warnings warnings) throws MediaException {
        for (MediaException broken : movie.brokenTracks()) {
            warnings.add("a track was skipped: " + broken.getMessage());
        }
        List<Track> audio = movie.tracks().stream().filter(t -> t.handler().audio()).toList();
        if (audio.isEmpty()) {
            if (!movie.brokenTracks().isEmpty()) {
                MediaException first = movie.brokenTracks().getFirst();
                throw new MediaException(first.error(), first.getMessage());
            }
            throw new MediaException(MediaError.NO_AUDIO, "the file has no audio track");
        }
        if (audio.size() == 1) {
            return audio.getFirst();
        }
        Optional<Track> enabled = audio.stream().filter(t -> t.header().enabled()).findFirst();
        Track chosen = enabled.orElse(audio.getFirst());
        warnings.add(audio.size() + " audio tracks; using " + chosen.label()
                + (enabled.isPresent() ? ", the first enabled one" : ", the first (none is enabled)"));
        return chosen;
    }

    private static int readFragments(BoxWalker walker, Movie movie, Track audio, List<Box> moofs,
            SampleTableBuilder builder) throws IOException {
        if (moofs.isEmpty()) {
            return 0;
        }
        if (builder.sampleCount() != builder.timedSampleCount()) {
            walker.warnings().add(audio.label() + ": fragments ignored after an inconsistent sample table");
            return 0;
        }
        try {
            return FragmentSamples.read(walker, moofs, audio.trackId(),
                    Optional.ofNullable(movie.trackExtends().get(audio.trackId())), builder, audio.label());
        } catch (MediaException e) {
            walker.warnings().add(audio.label() + ": movie fragments unreadable from there on: " + e.getMessage());
            return 0;
        }
    }

    private static int bitrateBps(SampleTable table) {
        if (table.totalDuration() == 0) {
            return 0;
        }
        double bps = table.totalBytes() * 8.0 * table.timescale() / table.totalDuration();
        return (int) Math.min(Integer.MAX_VALUE, Math.round(bps));
    }
}
