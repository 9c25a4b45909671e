package org.cyprus.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.Tags;

/**
 * What a probe learned about one audio file, as the library keeps it (the seek index stays behind: streaming builds
 * its own exact one).
 */
public record AudioFacts(
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
        Optional<EmbeddedCover> cover,
        List<String> warnings) {

    public AudioFacts {
        Objects.requireNonNull(format);
        Objects.requireNonNull(codec);
        Objects.requireNonNull(codecDetail);
        Objects.requireNonNull(tags);
        chapters = List.copyOf(chapters);
        Objects.requireNonNull(cover);
        warnings = List.copyOf(warnings);
    }

    /**
     * An embedded picture.
     *
     * @param mimeType  its media type
     * @param sizeBytes its size
     * @param offset    where its bytes lie in the file, or empty when they must be decoded (read the file again)
     */
    public record EmbeddedCover(String mimeType, int sizeBytes, java.util.OptionalLong offset) {
    }
}
