package org.cyprus.library.media;

import java.util.Objects;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;

/**
 * What a file holds, as far as serving it goes: container, codec, media type and the stream's parameters.
 *
 * @param audioStartByte where the audio data begins (after leading tags)
 * @param audioEndByte   where it ends (before trailing tags)
 */
public record AudioShape(ContainerFormat format, Codec codec, String mimeType, int sampleRateHz, int channels,
                         long audioStartByte, long audioEndByte) {
    public AudioShape {
        Objects.requireNonNull(format);
        Objects.requireNonNull(codec);
        Objects.requireNonNull(mimeType);
    }
}
