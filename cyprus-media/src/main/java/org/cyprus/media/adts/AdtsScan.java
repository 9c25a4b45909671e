package org.cyprus.media.adts;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/**
 * Finds ADTS frames in a byte range and walks them. A syncword alone proves little (0xFFF is common in
 * compressed data), so a frame only counts as the start of a stream when the frames its lengths chain to carry
 * the same fixed header; after damage the walk resynchronises the same way.
 */
final class AdtsScan {
    /** Frames a candidate must chain through, unless the chain reaches the end of the range first. */
    static final int CONFIRM_FRAMES = 4;
    /** Junk searched through for the next frame, before giving up on the rest of the range. */
    static final int MAX_JUNK_BYTES = 1024 * 1024;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final ByteSource source;
    private final long end;
    private final ByteReader reader;

    AdtsScan(ByteSource source, long start, long end) {
        this.source = source;
        this.end = Math.min(end, source.size());
        this.reader = new ByteReader(source, Math.min(start, this.end), this.end);
    }

    long end() {
        return end;
    }

    /** The header at {@code offset}, or {@code null} when there is none (or it would not fit in the range). */
    AdtsHeader headerAt(long offset) throws IOException, MediaException {
        if (offset < 0 || end - offset < 7) {
            return null;
        }
        reader.seek(offset);
        long bits = (reader.u32() << 24) | reader.u24();
        return AdtsHeader.parseAdtsHeader(bits);
    }

    /**
     * The first offset in {@code [from, limit)} where a confirmed frame starts; with a {@code reference}, only
     * frames of that stream count.
     */
    OptionalLong findSync(long from, long limit, AdtsHeader reference) throws IOException, MediaException {
        limit = Math.min(limit, end);
        for (long chunk = Math.max(0, from); chunk < limit; chunk += CHUNK_BYTES) {
            byte[] bytes = source.readBytes(chunk, (int) Math.min(CHUNK_BYTES + 1L, end - chunk));
            for (int i = 0; i + 1 < bytes.length && chunk + i < limit && i < CHUNK_BYTES; i++) {
                // syncword 0xFFF, then layer 00 (the ID and protection bits are free)
                if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xF6) == 0xF0 && confirmed(chunk + i, reference)) {
                    return OptionalLong.of(chunk + i);
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Whether a frame at {@code offset} chains to {@link #CONFIRM_FRAMES} frames of one stream, or to the end. */
    boolean confirmed(long offset, AdtsHeader reference) throws IOException, MediaException {
        AdtsHeader first = headerAt(offset);
        if (first == null || (reference != null && !reference.sameStream(first))) {
            return false;
        }
        long position = offset;
        AdtsHeader header = first;
        for (int i = 0; i < CONFIRM_FRAMES; i++) {
            long next = position + header.frameBytes();
            if (next >= end) {
                return next == end || i > 0;
            }
            header = headerAt(next);
            if (header == null || !first.sameStream(header)) {
                return false;
            }
            position = next;
        }
        return true;
    }

    /** Walks frames from the confirmed frame at {@code first}, adding them to {@code frames}; returns where they end. */
    long walk(long first, AdtsHeader stream, AdtsFrameTable.Builder frames, List<String> warnings)
            throws IOException, MediaException {
        long position = first;
        long junkBytes = 0;
        int junkPlaces = 0;
        long firstJunk = -1;
        long audioEnd = first;
        while (position < end) {
            AdtsHeader header = headerAt(position);
            if (header != null && stream.sameStream(header)) {
                if (position + header.frameBytes() > end) {
                    warnings.add("the last frame at offset " + position + " is truncated: " + (end - position) + " of "
                            + header.frameBytes() + " bytes");
                    break;
                }
                frames.add(position, header.frameBytes(), header.rawDataBlocks());
                position += header.frameBytes();
                audioEnd = position;
                continue;
            }
            OptionalLong next = findSync(position + 1, Math.min(end, position + 1 + MAX_JUNK_BYTES), stream);
            if (next.isEmpty()) {
                warnings.add((end - position) + " bytes at offset " + position + " up to the end are not ADTS frames");
                break;
            }
            junkBytes += next.getAsLong() - position;
            junkPlaces++;
            firstJunk = firstJunk < 0 ? position : firstJunk;
            position = next.getAsLong();
        }
        if (junkPlaces > 0) {
            warnings.add("skipped " + junkBytes + " bytes of non-ADTS data in " + junkPlaces + " place"
                    + (junkPlaces == 1 ? "" : "s") + ", the first at offset " + firstJunk);
        }
        return audioEnd;
    }
}
