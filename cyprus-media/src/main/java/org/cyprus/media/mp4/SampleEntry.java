package org.cyprus.media.mp4;

import java.util.Optional;

/** One entry of a sample description box ({@code stsd}, ISO/IEC 14496-12 §8.5.2): how a track's samples are coded. */
sealed interface SampleEntry {

    /** The entry's four-character code, e.g. {@code mp4a}. */
    int format();

    /**
     * An audio sample entry (ISO/IEC 14496-12 §12.2.3, ISO/IEC 14496-14 §5.6, or a QuickTime sound description).
     *
     * @param soundVersion  0, or the QuickTime sound description version 1 or 2 when that layout was read
     * @param channelCount  as declared; AAC files often say 2 for mono, so the AudioSpecificConfig wins
     * @param sampleRateHz  as declared (the integer part of the 16.16 rate, or the v2 64-bit float)
     * @param esds          the elementary stream descriptor, for {@code mp4a} and MPEG audio entries
     * @param alac          the ALAC configuration, for {@code alac} entries
     */
    record Audio(int format, int soundVersion, int channelCount, int sampleSizeBits, long sampleRateHz,
            Optional<EsDescriptor> esds, Optional<AlacConfig> alac) implements SampleEntry {
    }

    /** Any other entry: text for chapters, or something this reader does not look into. */
    record Other(int format) implements SampleEntry {
    }
}
