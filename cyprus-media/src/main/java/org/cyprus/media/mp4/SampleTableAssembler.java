package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Combines a track's {@code stts}, {@code stsc}, {@code stsz}/{@code stz2} and {@code stco}/{@code co64}
 * (ISO/IEC 14496-12 §8.6–§8.7) into a {@link SampleTableBuilder}: chunk by chunk, each chunk's samples laid out
 * one after another from the chunk's offset. The tables must agree: a sample count that the chunks or the
 * durations do not cover is reported and the table cut to the samples that are fully described, and samples
 * lying past the end of the file (a truncated {@code mdat}) are dropped with a warning.
 */
final class SampleTableAssembler {
    private SampleTableAssembler() {
    }

    /** Reads the sample table in {@code stbl} into {@code builder}. */
    static void assemble(BoxWalker walker, Box stbl, SampleTableBuilder builder, String track)
            throws IOException, MediaException {
        List<Box> children = walker.children(stbl);
        var source = walker.source();
        Warnings warnings = walker.warnings();
        SampleTableBoxes.TimeToSample stts = SampleTableBoxes.parseStts(source, require(children, stbl, BoxType.STTS));
        SampleTableBoxes.SampleToChunk stsc = SampleTableBoxes.parseStsc(source, require(children, stbl, BoxType.STSC));
        Optional<Box> stsz = BoxWalker.first(children, BoxType.STSZ);
        SampleTableBoxes.SampleSizes sizes = stsz.isPresent()
                ? SampleTableBoxes.parseStsz(source, stsz.get())
                : SampleTableBoxes.parseStz2(source, require(children, stbl, BoxType.STZ2));
        Optional<Box> stco = BoxWalker.first(children, BoxType.STCO).or(() -> BoxWalker.first(children, BoxType.CO64));
        if (stco.isEmpty()) {
            throw new MediaException(MediaError.CORRUPT, track + ": stbl at offset " + stbl.offset() + " has no chunk offsets");
        }
        long[] chunkOffsets = SampleTableBoxes.parseStco(source, stco.get());
        placeSamples(builder, stsc, sizes, chunkOffsets, source.size(), warnings, track);
        long timed = 0;
        for (int i = 0; i < stts.sampleCounts().length && timed < sizes.sampleCount(); i++) {
            builder.addDurations(stts.sampleCounts()[i], stts.sampleDeltas()[i]);
            timed += stts.sampleCounts()[i];
        }
        if (timed != sizes.sampleCount()) {
            warnings.add(track + ": stts times " + timed + " samples but the track has " + sizes.sampleCount());
        }
    }

    private static void placeSamples(SampleTableBuilder builder, SampleTableBoxes.SampleToChunk stsc,
            SampleTableBoxes.SampleSizes sizes, long[] chunkOffsets, long fileSize, Warnings warnings, String track)
            throws MediaException {
        long total = sizes.sampleCount();
        long sample = 0;
        int entry = 0;
        long[] firstChunks = stsc.firstChunks();
        for (int chunk = 0; chunk < chunkOffsets.length && sample < total; chunk++) {
            while (entry + 1 < firstChunks.length && firstChunks[entry + 1] <= chunk + 1L) {
                entry++;
            }
            if (firstChunks.length == 0) {
                break;
            }
            long inChunk = Math.min(stsc.samplesPerChunk()[entry], total - sample);
            long offset = chunkOffsets[chunk];
            builder.startChunk(offset);
            long fitting = sizes.sizes() == null
                    ? fitUniform(builder, offset, inChunk, sizes.uniformSize(), fileSize)
                    : fitEach(builder, offset, sizes.sizes(), (int) sample, (int) inChunk, fileSize);
            sample += fitting;
            if (fitting < inChunk) {
                warnings.add(track + ": samples from #" + sample + " on lie past the end of the file (" + fileSize
                        + " bytes) and were dropped; the media data is truncated");
                return;
            }
        }
        if (sample < total) {
            warnings.add(track + ": the chunks hold " + sample + " of " + total + " samples");
        }
    }

    private static long fitUniform(SampleTableBuilder builder, long offset, long n, long size, long fileSize)
            throws MediaException {
        if (size > Integer.MAX_VALUE || offset > fileSize) {
            return 0;
        }
        long fitting = Math.min(n, (fileSize - offset) / size);
        builder.addSamples((int) Math.min(fitting, SampleTableBuilder.MAX_SAMPLES), (int) size);
        return fitting;
    }

    private static int fitEach(SampleTableBuilder builder, long offset, int[] sizes, int first, int n, long fileSize)
            throws MediaException {
        long end = offset;
        for (int i = 0; i < n; i++) {
            end += sizes[first + i];
            if (end > fileSize) {
                return i;
            }
            builder.addSamples(1, sizes[first + i]);
        }
        return n;
    }

    private static Box require(List<Box> children, Box stbl, int type) throws MediaException {
        return BoxWalker.first(children, type).orElseThrow(() -> new MediaException(MediaError.CORRUPT,
                "stbl at offset " + stbl.offset() + " has no " + BoxType.name(type)));
    }
}
