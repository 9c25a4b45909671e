package org.cyprus.media.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cyprus.media.io.ByteSource;

/**
 * A {@link ByteSource} that misbehaves like real storage can: reads return at most a few bytes at a time, and
 * (optionally) fail with an I/O error once a given offset is reached.
 */
public final class FaultyByteSource implements ByteSource {
    private final byte[] bytes;
    private final int maxReadBytes;
    private final long failAtOffset;

    /** @param maxReadBytes most bytes one read returns; @param failAtOffset reads touching it throw, or -1 */
    public FaultyByteSource(byte[] bytes, int maxReadBytes, long failAtOffset) {
        this.bytes = bytes;
        this.maxReadBytes = maxReadBytes;
        this.failAtOffset = failAtOffset;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(dst.remaining(), maxReadBytes), bytes.length - position);
        if (failAtOffset >= 0 && position <= failAtOffset && failAtOffset < position + Math.max(n, 1)) {
            throw new IOException("simulated read error at offset " + failAtOffset);
        }
        dst.put(bytes, (int) position, n);
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
