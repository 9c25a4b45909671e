package org.cyprus.media.mp3;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cyprus.media.io.ByteSource;

/**
 * A large sliding buffer over a range {@code [start, end)} of a {@link ByteSource}: reads whole blocks (MiBs)
 * through {@link ByteSource#read(long, ByteBuffer)}, so walking a stream header to header costs a memory access
 * per frame rather than a call into the source. Keeps some history behind the requested position so that a
 * resync stepping back into the previous frame does not re-read.
 */
final class ByteWindow {
    /** The block size for scanning whole streams. */
    static final int BLOCK_BYTES = 4 << 20;
    /** A bound on the bytes the sync looks ahead of a candidate; the window always holds this much past it. */
    static final int LOOKAHEAD_BYTES = 128 << 10;
    private static final int MAX_EMPTY_READS = 64;

    private final ByteSource source;
    private final long start;
    private final long end;
    private final ByteBuffer buffer;
    private final int historyBytes;
    private long bufferStart;

    /** A window over {@code [start, end)} ({@code end} clamped to the source) holding up to {@code capacityBytes}. */
    ByteWindow(ByteSource source, long start, long end, int capacityBytes) {
        this.source = source;
        this.end = Math.max(start, Math.min(end, source.size()));
        this.start = start;
        long length = this.end - start;
        int capacity = (int) Math.min(length, Math.max(capacityBytes, 2L * LOOKAHEAD_BYTES));
        this.buffer = ByteBuffer.allocate(capacity).limit(0);
        this.historyBytes = Math.min(LOOKAHEAD_BYTES, capacity / 4);
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
        if (position < start || count > end - position || count > buffer.capacity()) {
            return false;
        }
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
