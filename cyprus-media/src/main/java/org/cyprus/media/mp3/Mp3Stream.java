package org.cyprus.media.mp3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cyprus.media.Codec;
import org.cyprus.media.SeekIndex;

/**
 * What a probe learned about an MPEG audio stream.
 *
 * @param codec                 {@link Codec#MP1}, {@link Codec#MP2} or {@link Codec#MP3}
 * @param codecDetail           e.g. {@code MPEG-1 Layer III}
 * @param sampleRateHz          sample rate of the first audio frame
 * @param channels              channels of the first audio frame
 * @param bitrateBps            average bitrate: audio bytes × 8 ÷ duration
 * @param durationUs            exact duration: audio frames × samples per frame ÷ sample rate
 * @param gaplessDurationUs     the duration less the LAME tag's encoder delay and padding
 * @param firstFrameOffset      offset of the first audio frame (after a Xing/Info or VBRI frame)
 * @param audioEndByte          offset just past the last audio frame
 * @param frameCount            audio frames (a Xing/Info or VBRI frame not included)
 * @param encoderDelaySamples   the LAME tag's encoder delay, 0 without one
 * @param encoderPaddingSamples the LAME tag's encoder padding, 0 without one (or when the data contradicts it)
 * @param encoder               the LAME tag's encoder version, e.g. {@code LAME3.100}
 * @param seekIndex             the Xing or VBRI table, a constant-bitrate seeker, or the exact frame index
 * @param warnings              problems that did not stop the probe
 */
public record Mp3Stream(Codec codec, String codecDetail, int sampleRateHz, int channels, int bitrateBps,
        long durationUs, long gaplessDurationUs, long firstFrameOffset, long audioEndByte, int frameCount,
        int encoderDelaySamples, int encoderPaddingSamples, Optional<String> encoder, SeekIndex seekIndex,
        List<String> warnings) {

    public Mp3Stream {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(codecDetail, "codecDetail");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(seekIndex, "seekIndex");
        warnings = List.copyOf(warnings);
    }
}
