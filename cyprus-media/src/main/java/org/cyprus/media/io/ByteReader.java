package org.cyprus.media.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * A big-endian cursor over a range {@code [start, end)} of a {@link ByteSource}, buffered. Every read is checked
 * against the range's end, so a structure that claims more bytes than its container holds fails with
 * {@link MediaError#TRUNCATED} instead of reading its neighbour or allocating what it claims.
 */
public final class ByteReader {
    private static final int BUFFER_BYTES = 8192;

    private final ByteSource source;
    private final long end;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).limit(0);
    private long bufferStart;
    private long position;

    /** A reader over {@code [start, end)}; {@code end} is clamped to the source's size. */
    public ByteReader(ByteSource source, long start, long end) {
        if (start < 0 || start > end) {
            throw new IllegalArgumentException("range " + start + ".." + end);
        }
        this.source = source;
        this.end = Math.min(end, source.size());
        this.position = Math.min(start, this.end);
        this.bufferStart = this.position;
    }

    /** A reader over the whole source. */
    public ByteReader(ByteSource source) {
        this(source, 0, source.size());
    }

    public ByteSource source() {
        return source;
    }

    public long position() {
        return position;
    }

    public long end() {
        return end;
    }

    public long remaining() {
        return end - position;
    }

    /** Moves to an absolute position within the range. */
    public void seek(long newPosition) throws MediaException {
        if (newPosition < 0 || newPosition > end) {
            throw new MediaException(MediaError.TRUNCATED, "offset " + newPosition + " lies outside " + end + " bytes");
        }
        position = newPosition;
    }

    public void skip(long count) throws MediaException {
        if (count < 0 || count > remaining()) {
            throw new MediaException(MediaError.TRUNCATED,
                    "cannot skip " + count + " bytes at offset " + position + ": only " + remaining() + " remain");
        }
        position += count;
    }

    /** Throws unless {@code count} more bytes are available. */
    public void require(long count) throws MediaException {
        if (count < 0 || count > remaining()) {
            throw new MediaException(MediaError.TRUNCATED,
                    "needed " + count + " bytes at offset " + position + " but only " + remaining() + " remain");
        }
    }

    private void fill(int count) throws IOException, MediaException {
        require(count);
        if (position >= bufferStart && position + count <= bufferStart + buffer.limit()) {
            return;
        }
        buffer.clear();
        bufferStart = position;
        int want = (int) Math.min(buffer.capacity(), end - position);
        buffer.limit(want);
        while (buffer.hasRemaining()) {
            int n = source.read(bufferStart + buffer.position(), buffer);
            if (n < 0) {
                throw new IOException("the file ended at offset " + (bufferStart + buffer.position()) + "; was it truncated?");
            }
        }
        buffer.flip();
    }

    private int at() {
        return (int) (position - bufferStart);
    }

    public int u8() throws IOException, MediaException {
        fill(1);
        int v = buffer.get(at()) & 0xFF;
        position += 1;
        return v;
    }

    public int u16() throws IOException, MediaException {
        fill(2);
        int v = buffer.getShort(at()) & 0xFFFF;
        position += 2;
        return v;
    }

    public int u24() throws IOException, MediaException {
        fill(3);
        int i = at();
        int v = ((buffer.get(i) & 0xFF) << 16) | ((buffer.get(i + 1) & 0xFF) << 8) | (buffer.get(i + 2) & 0xFF);
        position += 3;
        return v;
    }

    /** An unsigned 32-bit value. */
    public long u32() throws IOException, MediaException {
        fill(4);
        long v = buffer.getInt(at()) & 0xFFFFFFFFL;
        position += 4;
        return v;
    }

    /** A signed 32-bit value. */
    public int s32() throws IOException, MediaException {
        fill(4);
        int v = buffer.getInt(at());
        position += 4;
        return v;
    }

    /** A 64-bit value (callers check the sign where it matters). */
    public long s64() throws IOException, MediaException {
        fill(8);
        long v = buffer.getLong(at());
        position += 8;
        return v;
    }

    /** {@code count} bytes into a new array; the count is checked against the range before allocating. */
    public byte[] bytes(int count) throws IOException, MediaException {
        require(count);
        byte[] out = new byte[count];
        if (count <= BUFFER_BYTES) {
            fill(count);
            buffer.get(at(), out, 0, count);
        } else {
            source.readFully(position, out, 0, count);
        }
        position += count;
        return out;
    }

    /** Four bytes as a Latin-1 code, e.g. an MP4 box type. */
    public String fourCc() throws IOException, MediaException {
        return new String(bytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
