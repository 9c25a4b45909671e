package org.cyprus.media.wavpack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * Probes WavPack 4 and 5 files: format and sample count from the first block's header, checked against the last
 * block; when the header does not know the count, every block header is walked instead, which also gives an
 * exact seek index. WavPack tags are APEv2 at the end of the file; the caller reads them and passes an
 * {@code end} before them, so the result carries no tags.
 */
public final class WavPackProber {
    private static final int MAX_FRAME_BLOCKS = 64;

    private WavPackProber() {
    }

    /** Whether a valid WavPack block header ({@code wvpk}) stands at {@code start}. */
    public static boolean looksLikeWavPack(ByteSource source, long start) throws IOException {
        try {
            return new WavPackBlocks(source, source.size()).headerAt(start) != null;
        } catch (MediaException e) {
            return false;
        }
    }

    /**
     * Probes the WavPack blocks in {@code [start, end)}.
     *
     * @throws MediaException {@code NO_AUDIO} when no block is found within a megabyte of {@code start},
     *                        {@code CORRUPT} when the sample rate cannot be determined
     */
    public static MediaInfo probe(ByteSource source, long start, long end) throws IOException, MediaException {
        if (start < 0 || end < start) {
            throw new MediaException(MediaError.CORRUPT, "invalid range " + start + ".." + end);
        }
        WavPackBlocks blocks = new WavPackBlocks(source, end);
        List<String> warnings = new ArrayList<>();
        WavPackBlockHeader first = blocks.findNext(start, start + WavPackBlocks.MAX_JUNK_BYTES, null);
        if (first == null) {
            throw new MediaException(MediaError.NO_AUDIO, "no WavPack block within the first "
                    + WavPackBlocks.MAX_JUNK_BYTES + " bytes at offset " + start);
        }
        if (first.offset() > start) {
            warnings.add("skipped " + (first.offset() - start) + " bytes before the first WavPack block");
        }
        WavPackBlockHeader audio = firstAudioBlock(blocks, first);
        byte[] audioBlock = blocks.readBlock(audio);
        long bytesPerSecond = rate(audio, audioBlock);
        int channels = channels(blocks, audio);

        long total;
        long audioEnd;
        SeekIndex seekIndex;
        if (audio.totalSamples() < 0) {
            WavPackSeekIndex.Builder index = new WavPackSeekIndex.Builder();
            long endSample = blocks.walk(audio, index, warnings);
            total = endSample - audio.blockIndex();
            audioEnd = Math.max(first.offset(), index.endOffset());
            warnings.add("the block headers do not give the total samples; " + total + " counted over "
                    + index.count() + " frames");
            seekIndex = index.count() > 0 ? index.build(total, bytesPerSecond)
                    : WavPackSeekIndex.linear(first.offset(), audioEnd, 0, bytesPerSecond);
        } else {
            total = audio.totalSamples();
            audioEnd = blocks.end();
            WavPackBlockHeader last = blocks.lastBlock(audio);
            if (last == null) {
                warnings.add("no complete block at the end of the file; the duration is the header's, unverified");
            } else {
                long counted = last.blockIndex() + last.blockSamples() - audio.blockIndex();
                audioEnd = last.endOffset();
                if (counted != total) {
                    warnings.add("the header promises " + total + " samples but the last complete block ends at sample "
                            + counted + (counted < total ? " (the file is truncated)" : ""));
                    total = Math.min(total, counted);
                }
                if (audioEnd < blocks.end()) {
                    warnings.add((blocks.end() - audioEnd) + " bytes after the last complete block (offset " + audioEnd
                            + ") are an incomplete block or not WavPack data");
                }
            }
            seekIndex = WavPackSeekIndex.linear(first.offset(), audioEnd, total, bytesPerSecond);
        }
        long durationUs = seekIndex.durationUs();
        int bitrate = durationUs > 0 ? (int) Math.min(Integer.MAX_VALUE, (audioEnd - first.offset()) * 8e6 / durationUs) : 0;
        long rateHz = audio.has(WavPackBlockHeader.DSD) ? Math.min(bytesPerSecond, Integer.MAX_VALUE / 8) * 8 : bytesPerSecond;
        int sampleRateHz = (int) Math.min(Integer.MAX_VALUE, rateHz); // DSD: bits per second per channel
        return new MediaInfo(ContainerFormat.WAVPACK, Codec.WAVPACK, codecDetail(audio), sampleRateHz, channels, bitrate,
                durationUs, durationUs, first.offset(), audioEnd, Tags.empty(), List.of(), Optional.empty(), warnings,
                seekIndex);
    }

    /** The first block holding samples: a file may open with blocks of metadata only. */
    private static WavPackBlockHeader firstAudioBlock(WavPackBlocks blocks, WavPackBlockHeader first)
            throws IOException, MediaException {
        WavPackBlockHeader header = first;
        for (int i = 0; i < MAX_FRAME_BLOCKS && header != null && header.blockSamples() == 0; i++) {
            header = blocks.headerAt(header.endOffset());
        }
        if (header == null || header.blockSamples() == 0) {
            throw new MediaException(MediaError.NO_AUDIO, "no WavPack block with samples after offset " + first.offset());
        }
        return header;
    }

    /**
     * Samples per second (for DSD, bytes per channel per second): from the table index in the flags, else the
     * ID_SAMPLE_RATE sub-block; for DSD shifted left by the ID_DSD_BLOCK rate shift.
     */
    private static long rate(WavPackBlockHeader header, byte[] block) throws MediaException {
        long rate = header.tableRateHz();
        if (rate == 0) {
            rate = WavPackSubBlocks.sampleRate(block);
        }
        if (rate <= 0) {
            throw new MediaException(MediaError.CORRUPT, "the WavPack block at offset " + header.offset()
                    + " has a custom sample rate but no ID_SAMPLE_RATE sub-block");
        }
        return header.has(WavPackBlockHeader.DSD) ? rate << WavPackSubBlocks.dsdRateShift(block) : rate;
    }

    /** The channels of the frame starting at {@code audio}: one or two per block up to FINAL_BLOCK. */
    private static int channels(WavPackBlocks blocks, WavPackBlockHeader audio) throws IOException, MediaException {
        int channels = 0;
        WavPackBlockHeader header = audio;
        for (int i = 0; i < MAX_FRAME_BLOCKS && header != null; i++) {
            channels += header.channels();
            if (header.has(WavPackBlockHeader.FINAL_BLOCK)) {
                break;
            }
            header = blocks.headerAt(header.endOffset());
        }
        return channels;
    }

    private static String codecDetail(WavPackBlockHeader header) {
        if (header.has(WavPackBlockHeader.DSD)) {
            return "WavPack DSD";
        }
        String samples = header.has(WavPackBlockHeader.FLOAT_DATA) ? "32-bit float" : header.bitsPerSample() + "-bit";
        return "WavPack " + samples + (header.has(WavPackBlockHeader.HYBRID)
                ? " hybrid (lossy without its .wvc correction file)" : " lossless");
    }
}
