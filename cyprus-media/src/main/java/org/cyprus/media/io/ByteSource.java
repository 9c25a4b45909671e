package org.cyprus.media.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Random-access bytes of one file or array. Every read is checked against {@link #size()}, fixed when the source
 * was opened: a parser can never read past the end, and a file that shrinks underneath it fails with an
 * {@link IOException} instead of returning garbage. Implementations are safe for concurrent positional reads.
 */
public interface ByteSource extends AutoCloseable {

    /** The number of bytes, as it was when the source was opened. */
    long size();

    /**
     * Reads up to {@code dst.remaining()} bytes starting at {@code position}, never past {@link #size()}.
     *
     * @return the number of bytes read, {@code -1} when {@code position >= size()}
     */
    int read(long position, ByteBuffer dst) throws IOException;

    /**
     * Reads exactly {@code length} bytes at {@code position} into {@code dst}.
     *
     * @throws MediaException ({@link MediaError#TRUNCATED}) when the source ends first
     */
    default void readFully(long position, byte[] dst, int offset, int length) throws IOException, MediaException {
        if (position < 0 || length < 0 || position > size() - length) {
            throw new MediaException(MediaError.TRUNCATED,
                    "needed " + length + " bytes at offset " + position + " but the file is " + size() + " bytes long");
        }
        ByteBuffer buffer = ByteBuffer.wrap(dst, offset, length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = read(at, buffer);
            if (n < 0) {
                throw new IOException("the file ended at offset " + at + " while " + size() + " bytes were expected; was it truncated?");
            }
            at += n;
        }
    }

    /**
     * Reads exactly {@code length} bytes at {@code position} into a new array. The length is checked against the
     * source's size before anything is allocated, so a hostile length cannot cause a large allocation.
     */
    default byte[] readBytes(long position, int length) throws IOException, MediaException {
        if (position < 0 || length < 0 || position > size() - length) {
            throw new MediaException(MediaError.TRUNCATED,
                    "needed " + length + " bytes at offset " + position + " but the file is " + size() + " bytes long");
        }
        byte[] bytes = new byte[length];
        readFully(position, bytes, 0, length);
        return bytes;
    }

    @Override
    void close() throws IOException;
}
