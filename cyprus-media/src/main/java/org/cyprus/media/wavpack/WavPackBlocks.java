package org.cyprus.media.wavpack;

import java.io.IOException;
import java.util.List;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Finds WavPack blocks in a byte range by their {@code wvpk} header: at a known offset, forwards past junk, and
 * backwards from the end for the last complete block. Searches read bounded amounts in bounded chunks.
 */
final class WavPackBlocks {
    static final int MAX_JUNK_BYTES = 1024 * 1024;
    private static final int CHUNK_BYTES = 64 * 1024;
    /** The tail searched for the last block: a block is at most a megabyte. */
    private static final int TAIL_BYTES = WavPackBlockHeader.MAX_BLOCK_BYTES + WavPackBlockHeader.BYTES;

    private final ByteSource source;
    private final long end;

    WavPackBlocks(ByteSource source, long end) {
        this.source = source;
        this.end = Math.min(end, source.size());
    }

    long end() {
        return end;
    }

    /** The header at {@code offset}, or {@code null} when none is there. */
    WavPackBlockHeader headerAt(long offset) throws IOException, MediaException {
        if (offset < 0 || end - offset < WavPackBlockHeader.BYTES) {
            return null;
        }
        return WavPackBlockHeader.parseBlockHeader(source.readBytes(offset, WavPackBlockHeader.BYTES), 0, offset);
    }

    /** The whole block (header included) as far as the range holds it. */
    byte[] readBlock(WavPackBlockHeader header) throws IOException, MediaException {
        return source.readBytes(header.offset(), (int) Math.min(header.blockBytes(), end - header.offset()));
    }

    /** The first header in {@code [from, limit)} of the same stream as {@code reference} (any, when null). */
    WavPackBlockHeader findNext(long from, long limit, WavPackBlockHeader reference) throws IOException, MediaException {
        limit = Math.min(limit, end);
        for (long chunk = Math.max(0, from); chunk < limit; chunk += CHUNK_BYTES) {
            int length = (int) Math.min(CHUNK_BYTES + WavPackBlockHeader.BYTES, end - chunk);
            byte[] bytes = source.readBytes(chunk, length);
            for (int i = 0; i < CHUNK_BYTES && chunk + i < limit; i++) {
                WavPackBlockHeader header = WavPackBlockHeader.parseBlockHeader(bytes, i, chunk + i);
                if (header != null && (reference == null || reference.sameStream(header))) {
                    return header;
                }
            }
        }
        return null;
    }

    /** The last block that ends within the range and closes a frame (FINAL_BLOCK), searching back from the end. */
    WavPackBlockHeader lastBlock(WavPackBlockHeader first) throws IOException, MediaException {
        long from = Math.max(first.offset(), end - TAIL_BYTES);
        byte[] tail = source.readBytes(from, (int) (end - from));
        for (int i = tail.length - WavPackBlockHeader.BYTES; i >= 0; i--) {
            WavPackBlockHeader header = WavPackBlockHeader.parseBlockHeader(tail, i, from + i);
            if (header != null && first.sameStream(header) && header.endOffset() <= end
                    && header.has(WavPackBlockHeader.FINAL_BLOCK) && header.blockSamples() > 0
                    && header.blockIndex() >= first.blockIndex()) {
                return header;
            }
        }
        return null;
    }

    /**
     * Walks every block from {@code first}, recording the first block of each frame in {@code index}; returns the
     * sample number just past the last complete frame and, through {@code index}, where the audio ends.
     */
    long walk(WavPackBlockHeader first, WavPackSeekIndex.Builder index, List<String> warnings)
            throws IOException, MediaException {
        long position = first.offset();
        long endSample = first.blockIndex();
        long junk = 0;
        while (position < end) {
            WavPackBlockHeader header = headerAt(position);
            if (header != null && first.sameStream(header)) {
                if (header.endOffset() > end) {
                    warnings.add("the last block at offset " + position + " is truncated: " + (end - position) + " of "
                            + header.blockBytes() + " bytes");
                    break;
                }
                if (header.blockSamples() > 0 && header.has(WavPackBlockHeader.INITIAL_BLOCK)) {
                    index.add(header.offset(), header.blockIndex(), header.blockSamples());
                }
                if (header.blockSamples() > 0 && header.has(WavPackBlockHeader.FINAL_BLOCK)) {
                    endSample = Math.max(endSample, header.blockIndex() + header.blockSamples());
                    index.end(header.endOffset());
                }
                position = header.endOffset();
                continue;
            }
            WavPackBlockHeader next = findNext(position + 1, position + 1 + MAX_JUNK_BYTES, first);
            if (next == null) {
                warnings.add((end - position) + " bytes at offset " + position + " up to the end are not WavPack blocks");
                break;
            }
            junk += next.offset() - position;
            position = next.offset();
        }
        if (junk > 0) {
            warnings.add("skipped " + junk + " bytes between blocks that are not WavPack blocks");
        }
        return endSample;
    }
}
