package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.Optional;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Works out an audio track's codec, output sample rate and channel count from its sample entry. For AAC the
 * AudioSpecificConfig decides (the sample entry's channel count says 2 for mono in many files, and its rate is the
 * core rate under HE-AAC); for MPEG audio in MP4 the first frame header names the layer.
 */
final class AudioFormats {
    private static final int MS_MP3 = 0x6D730055; // "ms\0U", QuickTime's MP3 code
    private static final int[][] MPEG_RATES_HZ = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    private AudioFormats() {
    }

    static AudioFormat describe(Track track, SampleTable table, ByteSource source, Warnings warnings)
            throws IOException {
        if (track.sampleEntries().isEmpty() || !(track.sampleEntries().getFirst() instanceof SampleEntry.Audio entry)) {
            warnings.add(track.label() + " has no audio sample description");
            return new AudioFormat(Codec.UNKNOWN, "unknown", rate(track.media().timescale()), 0, Optional.empty());
        }
        if (track.sampleEntries().size() > 1) {
            warnings.add(track.label() + " has " + track.sampleEntries().size() + " sample descriptions; the first is used");
        }
        int entryRate = entry.sampleRateHz() > 0 ? rate(entry.sampleRateHz()) : rate(track.media().timescale());
        int format = entry.format();
        if (entry.esds().isPresent()) {
            EsDescriptor esds = entry.esds().get();
            if (esds.aac()) {
                return aac(track, entry, esds, entryRate, warnings);
            }
            if (esds.mpegAudio()) {
                return mpegAudio(table, source, entry, entryRate);
            }
            return new AudioFormat(Codec.UNKNOWN, String.format("%s, objectTypeIndication 0x%02x", BoxType.name(format),
                    esds.objectTypeIndication()), entryRate, entry.channelCount(), Optional.empty());
        }
        if (format == BoxType.MP4A) {
            warnings.add(track.label() + ": mp4a sample entry without esds");
            return new AudioFormat(Codec.AAC, "AAC", entryRate, entry.channelCount(), Optional.empty());
        }
        if (format == BoxType.MP3_DOT || format == MS_MP3 || format == BoxType.of("mp3 ")) {
            return mpegAudio(table, source, entry, entryRate);
        }
        if (format == BoxType.ALAC) {
            if (entry.alac().isPresent()) {
                AlacConfig alac = entry.alac().get();
                int rate = alac.sampleRateHz() > 0 ? rate(alac.sampleRateHz()) : entryRate;
                return new AudioFormat(Codec.ALAC, "ALAC " + alac.bitDepth() + "-bit", rate, alac.channels(), Optional.empty());
            }
            return new AudioFormat(Codec.ALAC, "ALAC", entryRate, entry.channelCount(), Optional.empty());
        }
        return new AudioFormat(other(format), BoxType.name(format), entryRate, entry.channelCount(), Optional.empty());
    }

    private static AudioFormat aac(Track track, SampleEntry.Audio entry, EsDescriptor esds, int entryRate,
            Warnings warnings) {
        byte[] info = esds.decoderSpecificInfo();
        if (info.length > 0) {
            try {
                AudioSpecificConfig config = AudioSpecificConfig.parse(info);
                int channels = config.outputChannels() > 0 ? config.outputChannels() : entry.channelCount();
                return new AudioFormat(Codec.AAC, config.profileName(), config.outputSampleRateHz(), channels,
                        Optional.of(config));
            } catch (MediaException e) {
                warnings.add(track.label() + ": AudioSpecificConfig unreadable (" + e.getMessage()
                        + "); the sample entry's rate and channels are used");
            }
        }
        String detail = switch (esds.objectTypeIndication()) {
            case 0x66 -> "AAC Main";
            case 0x67 -> "AAC LC";
            case 0x68 -> "AAC SSR";
            default -> "AAC";
        };
        return new AudioFormat(Codec.AAC, detail, entryRate, entry.channelCount(), Optional.empty());
    }

    /**
     * MPEG-1/2 audio in MP4 (objectTypeIndication 0x6B and 0x69, ISO/IEC 14496-1 §7.2.6.6.2 Table 5): the frame header of
     * the first sample (ISO/IEC 11172-3 §2.4.2.3) names the version, layer, rate and mode.
     */
    private static AudioFormat mpegAudio(SampleTable table, ByteSource source, SampleEntry.Audio entry, int entryRate)
            throws IOException {
        if (table.frameCount() > 0 && table.frameSize(0) >= 4) {
            try {
                byte[] h = source.readBytes(table.frameOffset(0), 4);
                int version = (h[1] >> 3) & 3;
                int layer = (h[1] >> 1) & 3;
                int rateIndex = (h[2] >> 2) & 3;
                if ((h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && version != 1 && layer != 0 && rateIndex != 3) {
                    Codec codec = layer == 1 ? Codec.MP3 : layer == 2 ? Codec.MP2 : Codec.MP1;
                    String name = (version == 3 ? "MPEG-1" : version == 2 ? "MPEG-2" : "MPEG-2.5") + " Layer "
                            + "I".repeat(4 - layer);
                    int channels = ((h[3] >> 6) & 3) == 3 ? 1 : 2;
                    return new AudioFormat(codec, name, MPEG_RATES_HZ[version][rateIndex], channels, Optional.empty());
                }
            } catch (MediaException e) {
                // the sample lies outside the file: fall back on the sample entry
            }
        }
        return new AudioFormat(Codec.MP3, "MPEG Audio", entryRate, entry.channelCount(), Optional.empty());
    }

    private static Codec other(int format) {
        return switch (BoxType.name(format)) {
            case "Opus" -> Codec.OPUS;
            case "fLaC" -> Codec.FLAC;
            case "lpcm", "sowt", "twos", "raw ", "in24", "in32", "fl32", "fl64" -> Codec.PCM;
            default -> Codec.UNKNOWN;
        };
    }

    private static int rate(long hz) {
        return (int) Math.min(hz, Integer.MAX_VALUE);
    }
}
