package org.cyprus.media.mp3;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.cyprus.media.io.ByteSource;

/**
 * A large virtual file for scale tests: {@code head}, then {@code period} repeated {@code repeats} times, then
 * {@code tail}. Nothing is held but the three pieces, so a 20-hour stream costs no memory or disk; reads are
 * counted, so a test can tell how much of the file a probe touched.
 */
final class RepeatingSource implements ByteSource {
    private final byte[] head;
    private final byte[] period;
    private final long repeats;
    private final byte[] tail;
    private final long size;
    private final AtomicLong bytesRead = new AtomicLong();

    RepeatingSource(byte[] head, byte[] period, long repeats, byte[] tail) {
        this.head = head;
        this.period = period;
        this.repeats = repeats;
        this.tail = tail;
        this.size = head.length + period.length * repeats + tail.length;
    }

    @Override
    public long size() {
        return size;
    }

    long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public int read(long position, ByteBuffer dst) {
        if (position >= size) {
            return -1;
        }
        int total = 0;
        long at = position;
        while (dst.hasRemaining() && at < size) {
            byte[] piece;
            int offset;
            long bodyEnd = head.length + period.length * repeats;
            if (at < head.length) {
                piece = head;
                offset = (int) at;
            } else if (at < bodyEnd) {
                piece = period;
                offset = (int) ((at - head.length) % period.length);
            } else {
                piece = tail;
                offset = (int) (at - bodyEnd);
            }
            int n = Math.min(dst.remaining(), piece.length - offset);
            dst.put(piece, offset, n);
            at += n;
            total += n;
        }
        bytesRead.addAndGet(total);
        return total;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
