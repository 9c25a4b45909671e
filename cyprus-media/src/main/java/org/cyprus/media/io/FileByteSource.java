package org.cyprus.media.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@link ByteSource} over a file, read with positional {@link FileChannel} reads (no memory mapping). */
public final class FileByteSource implements ByteSource {
    private final FileChannel channel;
    private final long size;

    private FileByteSource(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** Opens {@code file} for reading; its size is fixed from this moment. */
    public static FileByteSource open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new FileByteSource(channel, channel.size());
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= size) {
            return -1;
        }
        long available = size - position;
        if (dst.remaining() > available) {
            ByteBuffer limited = dst.slice(dst.position(), (int) available);
            int n = channel.read(limited, position);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        return channel.read(dst, position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
