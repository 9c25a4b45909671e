package org.cyprus.media.ogg;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Finds the last page of the described logical stream, whose granule position gives the exact duration
 * (Vorbis I §A.2, RFC 7845 §4). It is normally the last page of the file, found by scanning backwards from
 * the end; in a chained file (RFC 3533 §4: streams one after another) it lies further in, and is found by
 * bisection over the file, then a backward scan.
 */
final class OggEnd {
    private static final int TAIL_BUDGET_BYTES = 256 * 1024;
    private static final int BACKWARD_BUDGET_BYTES = 2 * 1024 * 1024;

    private OggEnd() {
    }

    /** The last intact page of the stream that carries a granule position, if any. */
    static Optional<OggPage> lastPage(ByteSource source, OggHeaders headers, List<String> warnings)
            throws IOException, MediaException {
        long size = source.size();
        long floor = headers.audioStart();
        Predicate<OggPage> ours = p -> p.serial() == headers.serial() && p.granulePosition() != -1;
        Optional<OggPage> lastAny = OggSync.lastPage(source, floor, size, TAIL_BUDGET_BYTES, p -> true);
        if (lastAny.isPresent()) {
            long trailing = size - lastAny.get().endOffset();
            if (trailing > 0) {
                warnings.add(trailing + " bytes after the last complete Ogg page (offset " + lastAny.get().endOffset()
                        + "): the file is truncated or has trailing data");
            }
            if (!headers.streams().containsKey(lastAny.get().serial())) {
                warnings.add("chained Ogg file: other streams follow the first one; only the first is described");
            }
        }
        Optional<OggPage> last = lastAny.filter(ours);
        if (last.isEmpty()) {
            last = OggSync.lastPage(source, floor, size, BACKWARD_BUDGET_BYTES, ours);
        }
        if (last.isEmpty() && size - floor > BACKWARD_BUDGET_BYTES) {
            last = bisect(source, headers.serial(), floor, size, ours);
        }
        return last;
    }

    /** Narrows down where the stream's pages stop, then scans backwards from there. */
    private static Optional<OggPage> bisect(ByteSource source, int serial, long floor, long size, Predicate<OggPage> ours)
            throws IOException, MediaException {
        long lo = floor;
        long hi = size;
        while (hi - lo > 4L * OggSync.CHUNK_BYTES) {
            long mid = lo + (hi - lo) / 2;
            Optional<OggPage> page = OggSync.firstPage(source, mid, Math.min(hi, mid + 2L * OggSync.CHUNK_BYTES),
                    p -> p.serial() == serial);
            if (page.isPresent()) {
                lo = page.get().offset();
            } else {
                hi = mid;
            }
        }
        long end = Math.min(size, hi + 2L * OggSync.CHUNK_BYTES);
        return OggSync.lastPage(source, lo, end, end - lo, ours);
    }
}
