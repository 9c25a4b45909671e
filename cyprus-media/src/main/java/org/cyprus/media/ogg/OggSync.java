package org.cyprus.media.ogg;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Finds Ogg pages by their capture pattern {@code OggS} (RFC 3533 §6), forwards to skip damage and backwards
 * from the end of the file. A page found by searching only counts when its CRC checks out, since the pattern can
 * occur inside compressed data. Every search reads a bounded number of bytes in bounded chunks.
 */
final class OggSync {
    static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_RESYNC_BYTES = 1024 * 1024;
    /** Capture patterns checked per search, each costing a page read: bounds the work hostile data can cause. */
    private static final int MAX_CANDIDATES = 512;

    private OggSync() {
    }

    /** The page at {@code offset}, or when that one is damaged the next intact page within a megabyte. */
    static OggPage pageAtOrAfter(ByteSource source, long offset) throws IOException, MediaException {
        try {
            return OggPage.readPage(source, offset);
        } catch (MediaException e) {
            long limit = Math.min(source.size(), offset + MAX_RESYNC_BYTES);
            Optional<OggPage> next = firstPage(source, offset + 1, limit, p -> true);
            if (next.isEmpty()) {
                throw e;
            }
            return next.get();
        }
    }

    /** The first intact page starting in {@code [from, limit)} that {@code accept} takes. */
    static Optional<OggPage> firstPage(ByteSource source, long from, long limit, Predicate<OggPage> accept)
            throws IOException, MediaException {
        int candidates = 0;
        for (long chunk = from; chunk < limit && candidates < MAX_CANDIDATES; chunk += CHUNK_BYTES) {
            int length = (int) Math.min(CHUNK_BYTES + 3L, source.size() - chunk);
            byte[] bytes = source.readBytes(chunk, Math.max(0, length));
            for (int i = 0; i < CHUNK_BYTES && chunk + i < limit && i + 4 <= bytes.length; i++) {
                if (OggPage.isCapturePattern(bytes, i) && candidates++ < MAX_CANDIDATES) {
                    Optional<OggPage> page = intact(source, chunk + i).filter(accept);
                    if (page.isPresent()) {
                        return page;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The last intact page starting in {@code [floor, end)} that {@code accept} takes, reading at most {@code budgetBytes}. */
    static Optional<OggPage> lastPage(ByteSource source, long floor, long end, long budgetBytes, Predicate<OggPage> accept)
            throws IOException, MediaException {
        long stop = Math.max(floor, end - budgetBytes);
        int candidates = 0;
        for (long chunkEnd = end; chunkEnd > stop && candidates < MAX_CANDIDATES; chunkEnd -= CHUNK_BYTES) {
            long chunkStart = Math.max(stop, chunkEnd - CHUNK_BYTES);
            byte[] bytes = source.readBytes(chunkStart, (int) (Math.min(source.size(), chunkEnd + 3) - chunkStart));
            for (int i = (int) (chunkEnd - chunkStart) - 1; i >= 0; i--) {
                if (OggPage.isCapturePattern(bytes, i) && candidates++ < MAX_CANDIDATES) {
                    Optional<OggPage> page = intact(source, chunkStart + i).filter(accept);
                    if (page.isPresent()) {
                        return page;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<OggPage> intact(ByteSource source, long offset) throws IOException {
        try {
            OggPage page = OggPage.readPage(source, offset);
            return page.crcValid() ? Optional.of(page) : Optional.empty();
        } catch (MediaException e) {
            return Optional.empty();
        }
    }
}
