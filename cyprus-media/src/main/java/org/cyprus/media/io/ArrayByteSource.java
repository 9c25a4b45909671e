package org.cyprus.media.io;

import java.nio.ByteBuffer;

/** A {@link ByteSource} over bytes in memory, for tests, fuzzing and already-extracted data. */
public final class ArrayByteSource implements ByteSource {
    private final byte[] bytes;

    public ArrayByteSource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int read(long position, ByteBuffer dst) {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), bytes.length - position);
        dst.put(bytes, (int) position, n);
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
