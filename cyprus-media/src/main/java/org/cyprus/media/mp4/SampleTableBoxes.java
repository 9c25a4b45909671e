package org.cyprus.media.mp4;

import java.io.IOException;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/**
 * Parses the sample table boxes of ISO/IEC 14496-12 §8.6–§8.7 into arrays. Every entry count is checked against
 * the bytes of its box before an array is allocated, so a tiny box cannot ask for a huge one.
 */
final class SampleTableBoxes {
    private SampleTableBoxes() {
    }

    /** Decoding time to sample ({@code stts}): runs of samples of equal duration. */
    record TimeToSample(long[] sampleCounts, long[] sampleDeltas) {
    }

    /** Sample to chunk ({@code stsc}): from {@code firstChunks[i]} (1-based) on, chunks hold {@code samplesPerChunk[i]}. */
    record SampleToChunk(long[] firstChunks, long[] samplesPerChunk) {
    }

    /** Sample sizes ({@code stsz}, {@code stz2}): one size for all, or one per sample ({@code sizes != null}). */
    record SampleSizes(long uniformSize, long sampleCount, int[] sizes) {
    }

    /** ISO/IEC 14496-12 §8.6.1.2: {@code entry_count}, then {@code sample_count} and {@code sample_delta} pairs. */
    static TimeToSample parseStts(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader.read(r);
        int count = CheckedMath.tableCount(r.u32(), 8, r.remaining(), "stts");
        long[] counts = new long[count];
        long[] deltas = new long[count];
        for (int i = 0; i < count; i++) {
            counts[i] = r.u32();
            deltas[i] = r.u32();
        }
        return new TimeToSample(counts, deltas);
    }

    /**
     * ISO/IEC 14496-12 §8.7.4: {@code first_chunk}, {@code samples_per_chunk}, {@code sample_description_index}
     * triples. The first entry must start at chunk 1 and first chunks must increase; anything else is corrupt.
     */
    static SampleToChunk parseStsc(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader.read(r);
        int count = CheckedMath.tableCount(r.u32(), 12, r.remaining(), "stsc");
        long[] firstChunks = new long[count];
        long[] samplesPerChunk = new long[count];
        for (int i = 0; i < count; i++) {
            firstChunks[i] = r.u32();
            samplesPerChunk[i] = r.u32();
            r.skip(4);
            if (i == 0 ? firstChunks[0] != 1 : firstChunks[i] <= firstChunks[i - 1]) {
                throw new MediaException(MediaError.CORRUPT, "stsc at offset " + box.offset() + ": entry " + i
                        + " starts at chunk " + firstChunks[i] + (i == 0 ? " instead of 1" : ", not after the previous entry"));
            }
        }
        return new SampleToChunk(firstChunks, samplesPerChunk);
    }

    /** ISO/IEC 14496-12 §8.7.3.2: a uniform {@code sample_size}, or 0 and then one 32-bit size per sample. */
    static SampleSizes parseStsz(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader.read(r);
        long uniform = r.u32();
        long sampleCount = r.u32();
        if (uniform != 0) {
            return new SampleSizes(uniform, sampleCount, null);
        }
        int count = CheckedMath.tableCount(sampleCount, 4, r.remaining(), "stsz");
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = sampleSize(r.u32(), box);
        }
        return new SampleSizes(0, count, sizes);
    }

    /** ISO/IEC 14496-12 §8.7.3.3: compact sizes of 4, 8 or 16 bits (4-bit sizes two to a byte, high nibble first). */
    static SampleSizes parseStz2(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader.read(r);
        r.skip(3);
        int fieldSize = r.u8();
        long sampleCount = r.u32();
        if (fieldSize != 4 && fieldSize != 8 && fieldSize != 16) {
            throw new MediaException(MediaError.CORRUPT, "stz2 at offset " + box.offset() + " has field size " + fieldSize);
        }
        int count = CheckedMath.tableCount(sampleCount, 1, r.remaining() * 8 / fieldSize, "stz2");
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = switch (fieldSize) {
                case 4 -> {
                    if ((i & 1) == 0) {
                        int pair = r.u8();
                        if (i + 1 < count) {
                            sizes[i + 1] = pair & 0x0F;
                        }
                        yield pair >>> 4;
                    }
                    yield sizes[i];
                }
                case 8 -> r.u8();
                default -> r.u16();
            };
        }
        return new SampleSizes(0, count, sizes);
    }

    /** ISO/IEC 14496-12 §8.7.5: chunk offsets, 32-bit in {@code stco}, 64-bit in {@code co64}. */
    static long[] parseStco(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader.read(r);
        boolean wide = box.type() == BoxType.CO64;
        int count = CheckedMath.tableCount(r.u32(), wide ? 8 : 4, r.remaining(), box.name());
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = wide ? r.s64() : r.u32();
            if (offsets[i] < 0) {
                throw new MediaException(MediaError.CORRUPT, "co64 at offset " + box.offset() + " has a negative chunk offset");
            }
        }
        return offsets;
    }

    private static int sampleSize(long size, Box box) throws MediaException {
        if (size > Integer.MAX_VALUE) {
            throw new MediaException(MediaError.CORRUPT, box.name() + " at offset " + box.offset() + " has a sample of "
                    + size + " bytes");
        }
        return (int) size;
    }
}
