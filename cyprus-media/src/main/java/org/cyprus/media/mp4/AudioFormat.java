package org.cyprus.media.mp4;

import java.util.Optional;
import org.cyprus.media.Codec;

/** What an audio track's sample description says about its coding, with the true output rate and channel count. */
record AudioFormat(Codec codec, String codecDetail, int sampleRateHz, int channels,
        Optional<AudioSpecificConfig> audioSpecificConfig) {
}
