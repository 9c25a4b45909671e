package org.cyprus.media.flac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * Probes native FLAC files (RFC 9639): stream parameters and exact duration from STREAMINFO, checked against the
 * last frame in the file; tags and chapters from the Vorbis comment; the cover from a PICTURE block; seeking
 * through the SEEKTABLE.
 */
public final class FlacProber {
    private FlacProber() {
    }

    /** Whether the FLAC marker {@code fLaC} (RFC 9639 §6) stands at {@code start}. */
    public static boolean looksLikeFlac(ByteSource source, long start) throws IOException {
        try {
            byte[] head = source.readBytes(start, 4);
            return head[0] == 'f' && head[1] == 'L' && head[2] == 'a' && head[3] == 'C';
        } catch (MediaException e) {
            return false;
        }
    }

    /**
     * Probes the FLAC stream whose marker is at {@code start} (past any ID3v2 tags).
     *
     * @throws MediaException {@code UNRECOGNIZED} without the marker, {@code CORRUPT} or {@code TRUNCATED} when
     *                        the metadata cannot be read, {@code NO_AUDIO} when there are no frames at all
     */
    public static MediaInfo probe(ByteSource source, long start) throws IOException, MediaException {
        FlacMetadata metadata = FlacMetadata.read(source, start);
        StreamInfo info = metadata.streamInfo();
        List<String> warnings = new ArrayList<>(metadata.warnings());
        FlacAudio audio = FlacAudio.locate(source, metadata, warnings);
        long durationUs = info.toMicros(audio.totalSamples());

        VorbisComment comment = metadata.comment().orElse(new VorbisComment("", List.of()));
        Tags tags = VorbisCommentTags.tags(comment);
        List<Chapter> chapters = VorbisChapters.chapters(comment, durationUs, warnings);
        Optional<CoverArt> cover = cover(source, metadata.pictures());
        if (cover.isEmpty()) {
            cover = VorbisCommentCover.cover(comment, warnings);
        }
        long audioBytes = audio.endOffset() - metadata.audioStart();
        int bitrate = durationUs > 0 ? (int) Math.min(Integer.MAX_VALUE, audioBytes * 8e6 / durationUs) : 0;
        FlacSeekIndex seekIndex = new FlacSeekIndex(metadata.audioStart(), audio.endOffset(), info.sampleRateHz(),
                audio.totalSamples(), metadata.seekTable());
        return new MediaInfo(ContainerFormat.FLAC, Codec.FLAC, "FLAC " + info.bitsPerSample() + "-bit",
                info.sampleRateHz(), info.channels(), bitrate, durationUs, durationUs, metadata.audioStart(),
                audio.endOffset(), tags, chapters, cover, warnings, seekIndex);
    }

    /** The best PICTURE block as a cover whose bytes stay in the file; the MIME type is sniffed from them. */
    private static Optional<CoverArt> cover(ByteSource source, List<FlacPicture> pictures)
            throws IOException, MediaException {
        Optional<FlacPicture> best = FlacPicture.best(pictures);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        FlacPicture picture = best.get();
        byte[] head = source.readBytes(picture.dataOffset(), Math.min(16, picture.dataLength()));
        String fallback = picture.mimeType().isBlank() ? "application/octet-stream" : picture.mimeType();
        return Optional.of(new CoverArt(CoverArt.sniffMimeType(head, fallback), picture.dataLength(),
                new CoverArt.InFile(picture.dataOffset())));
    }

    /**
     * The error for a stream without a single frame byte: {@code NO_AUDIO}, or {@code TRUNCATED} when STREAMINFO
     * promised samples.
     */
    static MediaException noFrames(FlacMetadata metadata) {
        return metadata.streamInfo().totalSamples() == 0
                ? new MediaException(MediaError.NO_AUDIO, "the FLAC stream has no audio frames")
                : new MediaException(MediaError.TRUNCATED, "the file ends before the first FLAC frame (offset "
                        + metadata.audioStart() + ")");
    }
}
