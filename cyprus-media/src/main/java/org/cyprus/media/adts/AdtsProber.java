package org.cyprus.media.adts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * Probes raw AAC in ADTS framing (ISO/IEC 14496-3 §1.A.2): every frame header is read, which gives the exact
 * duration (1024 samples per raw data block) and an exact frame table for seeking. ADTS carries no tags; the
 * caller reads any ID3 or APE tags around the range it passes.
 */
public final class AdtsProber {
    /** Junk tolerated before the first frame by {@link #looksLikeAdts}. */
    private static final int SNIFF_WINDOW_BYTES = 4096;

    private AdtsProber() {
    }

    /** Whether ADTS frames, confirmed over several frames, start within a few kilobytes of {@code start}. */
    public static boolean looksLikeAdts(ByteSource source, long start) throws IOException {
        try {
            return new AdtsScan(source, start, source.size())
                    .findSync(start, start + SNIFF_WINDOW_BYTES, null).isPresent();
        } catch (MediaException e) {
            return false;
        }
    }

    /**
     * Probes the ADTS frames in {@code [start, end)}, a range without ID3 or APE tags.
     *
     * @throws MediaException {@code NO_AUDIO} when no confirmed frame is found within a megabyte of {@code start}
     */
    public static MediaInfo probe(ByteSource source, long start, long end) throws IOException, MediaException {
        Walked walked = walk(source, start, end);
        AdtsHeader stream = walked.stream();
        int channels = channels(source, walked.first(), stream, walked.warnings());
        int rate = stream.sampleRateHz();
        AdtsFrameTable table = walked.table();
        long durationUs = table.durationUs();
        long frameBytes = 0;
        for (int i = 0; i < table.frameCount(); i++) {
            frameBytes += table.frameSize(i);
        }
        int bitrate = durationUs > 0 ? (int) Math.min(Integer.MAX_VALUE, frameBytes * 8e6 / durationUs) : 0;
        return new MediaInfo(ContainerFormat.AAC_ADTS, Codec.AAC, stream.codecDetail(), rate, channels, bitrate,
                durationUs, durationUs, walked.first(), walked.audioEnd(), Tags.empty(), List.of(), Optional.empty(),
                walked.warnings(), table);
    }

    /**
     * The ADTS frames in {@code [start, end)} as repackaging needs them: one raw data block (one access unit) per
     * frame, and the fixed header every frame shares.
     *
     * @throws MediaException {@code NO_AUDIO} as {@link #probe} does; {@code UNSUPPORTED} when a frame holds more
     *                        than one raw data block, whose boundaries only a CRC-protected header records
     *                        (ISO/IEC 14496-3 §1.A.2.2.2), or when the channel configuration is 0 (a program config
     *                        element in the data, which an AudioSpecificConfig cannot be built from here)
     */
    public static AdtsTrack track(ByteSource source, long start, long end) throws IOException, MediaException {
        Walked walked = walk(source, start, end);
        AdtsHeader stream = walked.stream();
        AdtsFrameTable table = walked.table();
        if (walked.totalBlocks() != table.frameCount()) {
            throw new MediaException(MediaError.UNSUPPORTED, "some ADTS frames hold several raw data blocks; only "
                    + "streams of one block per frame can be repackaged");
        }
        if (stream.channelConfig() == 0) {
            throw new MediaException(MediaError.UNSUPPORTED, "the ADTS stream has channel configuration 0 (a program "
                    + "config element in the data), which cannot be repackaged");
        }
        return new AdtsTrack(stream.profile() + 1, stream.rateIndex(), stream.sampleRateHz(), stream.channelConfig(),
                stream.headerBytes(), table);
    }

    /** The frames found in a range, with the header they share and where they lie. */
    private record Walked(long first, AdtsHeader stream, AdtsFrameTable table, long totalBlocks, long audioEnd,
            List<String> warnings) {
    }

    private static Walked walk(ByteSource source, long start, long end) throws IOException, MediaException {
        if (start < 0 || end < start) {
            throw new MediaException(MediaError.CORRUPT, "invalid range " + start + ".." + end);
        }
        AdtsScan scan = new AdtsScan(source, start, end);
        OptionalLong first = scan.findSync(start, start + AdtsScan.MAX_JUNK_BYTES, null);
        if (first.isEmpty()) {
            throw new MediaException(MediaError.NO_AUDIO, "no ADTS frames within the first "
                    + AdtsScan.MAX_JUNK_BYTES + " bytes at offset " + start);
        }
        List<String> warnings = new ArrayList<>();
        if (first.getAsLong() > start) {
            warnings.add("skipped " + (first.getAsLong() - start) + " bytes before the first ADTS frame");
        }
        AdtsHeader stream = scan.headerAt(first.getAsLong());
        AdtsFrameTable.Builder builder = new AdtsFrameTable.Builder();
        long audioEnd = scan.walk(first.getAsLong(), stream, builder, warnings);
        if (builder.count() == 0) {
            throw new MediaException(MediaError.TRUNCATED, "the only ADTS frame is cut short");
        }
        return new Walked(first.getAsLong(), stream, builder.build(stream.sampleRateHz()), builder.totalBlocks(),
                audioEnd, warnings);
    }

    /** The channel count: from the channel configuration (7 means 7.1), or from a PCE when it is 0. */
    private static int channels(ByteSource source, long frame, AdtsHeader header, List<String> warnings)
            throws IOException, MediaException {
        if (header.channelConfig() > 0) {
            return header.channelConfig() == 7 ? 8 : header.channelConfig();
        }
        int length = Math.min(64, header.frameBytes() - header.headerBytes());
        OptionalInt pce = ProgramConfig.channels(source.readBytes(frame + header.headerBytes(), length));
        if (pce.isEmpty()) {
            warnings.add("channel configuration 0 without a program config element at the start of the first frame: "
                    + "the channel count is unknown");
        }
        return pce.orElse(0);
    }
}
