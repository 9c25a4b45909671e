package org.cyprus.media.mp4;

import java.util.Optional;

/**
 * Apple's gapless playback information, the {@code ----:com.apple.iTunes:iTunSMPB} freeform item: hexadecimal
 * words of which the second is the encoder delay, the third the padding and the fourth the original sample count,
 * all in samples at the output rate.
 */
record ItunSmpb(long delaySamples, long paddingSamples, long originalSamples) {

    /** Parses the item's text, e.g. {@code " 00000000 00000840 000001CA 00000000003F31F6 ..."}. */
    static Optional<ItunSmpb> parse(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length < 4) {
            return Optional.empty();
        }
        try {
            long delay = Long.parseUnsignedLong(words[1], 16);
            long padding = Long.parseUnsignedLong(words[2], 16);
            long original = Long.parseUnsignedLong(words[3], 16);
            if (delay < 0 || padding < 0 || original < 0 || words[1].length() > 8 || words[2].length() > 8) {
                return Optional.empty();
            }
            return Optional.of(new ItunSmpb(delay, padding, original));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
