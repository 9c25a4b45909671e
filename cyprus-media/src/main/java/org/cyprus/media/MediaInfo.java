package org.cyprus.media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one probe learned about an audio file.
 *
 * @param format               container identified from the content
 * @param codec                audio coding
 * @param codecDetail          a precise description, e.g. {@code MPEG-1 Layer III} or {@code AAC LC}
 * @param sampleRateHz         output sample rate (for HE-AAC, the rate after SBR)
 * @param channels             output channel count
 * @param bitrateBps           average bitrate over the audio data, bits per second
 * @param durationUs           exact duration of the audio, in microseconds (all frames, priming included)
 * @param gaplessDurationUs    duration without encoder delay and padding, in microseconds
 * @param audioStartByte       offset of the first audio byte (first frame, or start of the media data)
 * @param audioEndByte         offset just past the last audio byte
 * @param tags                 metadata
 * @param chapters             chapters in time order; empty when the file has none
 * @param cover                the embedded picture best suited as a cover, if any
 * @param warnings             problems that did not stop the probe (recovered truncation, skipped junk, ...)
 * @param seekIndex            an index for quick seeking, exact or approximate (see {@link SeekIndex#exact()})
 */
public record MediaInfo(
        ContainerFormat format,
        Codec codec,
        String codecDetail,
        int sampleRateHz,
        int channels,
        int bitrateBps,
        long durationUs,
        long gaplessDurationUs,
        long audioStartByte,
        long audioEndByte,
        Tags tags,
        List<Chapter> chapters,
        Optional<CoverArt> cover,
        List<String> warnings,
        SeekIndex seekIndex) {

    public MediaInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(codecDetail, "codecDetail");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(seekIndex, "seekIndex");
        chapters = List.copyOf(chapters);
        warnings = List.copyOf(warnings);
    }

    /** Duration in seconds, for display. */
    public double durationSeconds() {
        return durationUs / 1e6;
    }
}
