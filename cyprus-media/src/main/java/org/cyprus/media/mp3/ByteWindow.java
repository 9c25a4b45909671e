package org.cyprus.media.mp3;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cyprus.media.io.ByteSource;

/**
 * A sliding buffer over a range {@code [start, end)} of a {@link ByteSource}, filled in large blocks through
 * {@link ByteSource#read(long, ByteBuffer)}, so walking a stream header to header costs a memory access per frame
 * rather than a call into the source. It starts small (a probe that trusts a Xing header reads little) and
 * doubles with every forward refill up to its maximum (MiBs for a full scan). It keeps some history behind the
 * requested position, so a resync stepping back into the previous frame does not re-read.
 */
final class ByteWindow {
    /** The largest block a full scan reads at once. */
    static final int BLOCK_BYTES = 4 << 20;
    /** A bound on the bytes the sync looks ahead of a candidate; the window always holds this much past it. */
    static final int LOOKAHEAD_BYTES = 128 << 10;
    /**
     * The first read: enough for the tags-free start of a stream, its Xing/LAME header and the frames that confirm
     * sync (a probe that trusts a Xing header reads nothing more), and twice the largest span {@link #ensure} is asked
     * for (one free-format frame, at most 16 KiB). Later forward reads double up to {@link #BLOCK_BYTES}.
     */
    private static final int FIRST_BLOCK_BYTES = 32 << 10;
    private static final int MAX_EMPTY_READS = 64;

    private final ByteSource source;
    private final long start;
    private final long end;
    private final int maxBlockBytes;
    private ByteBuffer buffer;
    private long bufferStart;

    /** A window over {@code [start, end)} ({@code end} clamped to the source) reading at most {@code maxBlockBytes} at once. */
    ByteWindow(ByteSource source, long start, long end, int maxBlockBytes) {
        this.source = source;
        this.start = start;
        this.end = Math.max(start, Math.min(end, source.size()));
        long length = this.end - start;
        this.maxBlockBytes = (int) Math.min(length, Math.max(maxBlockBytes, FIRST_BLOCK_BYTES));
        this.buffer = ByteBuffer.allocate(Math.min(this.maxBlockBytes, FIRST_BLOCK_BYTES)).limit(0);
        this.bufferStart = start;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** Makes {@code [position, position + count)} available; false when it does not lie within the range. */
    boolean ensure(long position, int count) throws IOException {
        if (position >= bufferStart && position + count <= bufferStart + buffer.limit()) {
            return true;
        }
        if (position < start || count < 0 || count > end - position || count > FIRST_BLOCK_BYTES / 2) {
            return false;
        }
        if (position > bufferStart && buffer.capacity() < maxBlockBytes) {
            buffer = ByteBuffer.allocate((int) Math.min(maxBlockBytes, 2L * buffer.capacity()));
        }
        int historyBytes = Math.min(LOOKAHEAD_BYTES, buffer.capacity() / 4);
        long from = Math.max(start, position - historyBytes);
        if (position + count > from + buffer.capacity()) {
            from = position;
        }
        fill(from);
        return true;
    }

    private void fill(long from) throws IOException {
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), end - from));
        bufferStart = from;
        int emptyReads = 0;
        while (buffer.hasRemaining()) {
            int n = source.read(from + buffer.position(), buffer);
            if (n < 0) {
                throw new IOException("the file ended at offset " + (from + buffer.position())
                        + " although it was " + source.size() + " bytes long when opened");
            }
            if (n == 0 && ++emptyReads > MAX_EMPTY_READS) {
                throw new IOException("the source returned no bytes at offset " + (from + buffer.position()));
            }
        }
        buffer.flip();
    }

    /** The big-endian 32-bit value at {@code position}, which an {@link #ensure} call made available. */
    int intAt(long position) {
        return buffer.getInt((int) (position - bufferStart));
    }

    int u8At(long position) {
        return buffer.get((int) (position - bufferStart)) & 0xFF;
    }

    /** Copies {@code count} bytes at {@code position} (made available by {@link #ensure}) into a new array. */
    byte[] copy(long position, int count) {
        byte[] bytes = new byte[count];
        buffer.get((int) (position - bufferStart), bytes, 0, count);
        return bytes;
    }
}
