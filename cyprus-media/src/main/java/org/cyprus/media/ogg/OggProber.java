package org.cyprus.media.ogg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.flac.VorbisChapters;
import org.cyprus.media.flac.VorbisComment;
import org.cyprus.media.flac.VorbisCommentCover;
import org.cyprus.media.flac.VorbisCommentTags;
import org.cyprus.media.io.ByteSource;

/**
 * Probes Ogg files (RFC 3533) holding Vorbis, Opus or FLAC: stream parameters from the identification header,
 * tags, chapters and cover from the comment header, and the exact duration from the granule position of the
 * stream's last page. Of a multiplexed or chained file, the first audio stream is described, with a warning.
 */
public final class OggProber {
    private OggProber() {
    }

    /** Whether an Ogg page (capture pattern {@code OggS}, version 0) starts at {@code start}. */
    public static boolean looksLikeOgg(ByteSource source, long start) throws IOException {
        try {
            byte[] head = source.readBytes(start, 5);
            return OggPage.isCapturePattern(head, 0) && head[4] == 0;
        } catch (MediaException e) {
            return false;
        }
    }

    /**
     * Probes the Ogg file in {@code source}.
     *
     * @throws MediaException {@code UNRECOGNIZED} when it does not start with an Ogg page, {@code NO_AUDIO} or
     *                        {@code UNSUPPORTED} when it has no Vorbis, Opus or FLAC stream, {@code CORRUPT} or
     *                        {@code TRUNCATED} when that stream's headers cannot be read
     */
    public static MediaInfo probe(ByteSource source) throws IOException, MediaException {
        OggHeaders headers = OggHeaders.read(source);
        OggCodecHeader codec = headers.codec();
        List<String> warnings = new ArrayList<>(headers.warnings());
        OggComments comments = OggComments.parse(headers, warnings);

        Optional<OggPage> last = OggEnd.lastPage(source, headers, warnings);
        long granule = last.map(OggPage::granulePosition).orElse(0L);
        if (last.isEmpty()) {
            warnings.add("no complete audio page: the duration is unknown");
        } else if (granule < 0) {
            warnings.add("the last page's granule position " + granule + " is negative");
            granule = 0;
        }
        long durationUs = toMicros(granule, codec.granuleRateHz());
        long playable = granule - codec.preSkip();
        if (playable < 0) {
            warnings.add("the stream ends before its pre-skip of " + codec.preSkip() + " samples");
        }
        long gaplessUs = toMicros(Math.max(0, playable), codec.granuleRateHz());
        long audioEnd = last.map(OggPage::endOffset).orElse(headers.audioStart());

        VorbisComment comment = comments.comment();
        Optional<CoverArt> cover = comments.pictureBlockCover().or(() -> VorbisCommentCover.cover(comment, warnings));
        long audioBytes = audioEnd - headers.audioStart();
        int bitrate = durationUs > 0 ? (int) Math.min(Integer.MAX_VALUE, audioBytes * 8e6 / durationUs) : 0;
        return new MediaInfo(ContainerFormat.OGG, codec.codec(), codec.codecDetail(), codec.sampleRateHz(),
                codec.channels(), bitrate, durationUs, gaplessUs, headers.audioStart(), audioEnd,
                VorbisCommentTags.tags(comment), VorbisChapters.chapters(comment, gaplessUs, warnings), cover, warnings,
                new OggSeekIndex(headers.audioStart(), audioEnd, durationUs));
    }

    private static long toMicros(long samples, int rateHz) {
        return samples < Long.MAX_VALUE / 1_000_000 ? samples * 1_000_000 / rateHz
                : (long) ((double) samples * 1_000_000 / rateHz);
    }
}
