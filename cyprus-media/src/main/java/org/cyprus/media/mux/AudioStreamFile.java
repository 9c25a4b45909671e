package org.cyprus.media.mux;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * The on-disk form of an {@link AudioStream}, for a cache of frame tables: the 8-byte magic {@code CYAUDSTR}, a
 * format version byte, the payload length, the payload, and a CRC-32 of the payload. The payload holds the format
 * (codec, rate, channels, timescale, decoder configuration) and the frame table as {@link PackedFrameTable} keeps
 * it: the first frame's time, duration runs, spans of back-to-back frames, and every size in 2 or 4 bytes — about
 * 2 bytes per frame, 6 MB for a 20-hour MP3, read back in milliseconds.
 *
 * <p>Reading checks the checksum and then every count against the bytes that remain before allocating for it, so
 * a damaged or hostile file costs no more memory than its own size and fails with a {@link MediaException}
 * ({@code CORRUPT}; {@code UNSUPPORTED} for another format version, which means: rebuild the entry) or an
 * {@link IOException}.
 */
public final class AudioStreamFile {
    static final int VERSION = 1;
    private static final byte[] MAGIC = "CYAUDSTR".getBytes(StandardCharsets.US_ASCII);
    /** Four bytes per frame at the frame limit, plus room for spans and runs. */
    private static final long MAX_PAYLOAD_BYTES = 4L * PackedFrameTableBuilder.MAX_FRAMES + (64 << 20);
    private static final int FIRST_CHUNK_BYTES = 1 << 20;

    private AudioStreamFile() {
    }

    /** Writes {@code stream}, whose frames are packed first if they are not already. */
    public static void write(AudioStream stream, DataOutput out) throws IOException, MediaException {
        byte[] payload = AudioStreamEncoding.encode(stream.format(), PackedFrameTable.of(stream.frames()));
        CRC32 crc = new CRC32();
        crc.update(payload);
        out.write(MAGIC);
        out.writeByte(VERSION);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeInt((int) crc.getValue());
    }

    /** Reads what {@link #write} wrote, checking everything. */
    public static AudioStream read(DataInput in) throws IOException, MediaException {
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt("it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new MediaException(MediaError.UNSUPPORTED, "cached audio stream has format version " + version
                        + "; this build reads version " + VERSION);
            }
            long length = in.readInt() & 0xFFFF_FFFFL;
            if (length > MAX_PAYLOAD_BYTES) {
                throw corrupt("its payload length is " + length);
            }
            byte[] payload = readPayload(in, (int) length);
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (in.readInt() != (int) crc.getValue()) {
                throw corrupt("its checksum does not match");
            }
            return AudioStreamEncoding.decode(ByteBuffer.wrap(payload));
        } catch (EOFException | BufferUnderflowException e) {
            throw new MediaException(MediaError.CORRUPT, "cached audio stream is cut short or damaged", e);
        }
    }

    /** Reads {@code length} bytes, growing the buffer only as bytes actually arrive. */
    private static byte[] readPayload(DataInput in, int length) throws IOException {
        byte[] buffer = new byte[Math.min(length, FIRST_CHUNK_BYTES)];
        int filled = 0;
        while (filled < length) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(length, 2L * buffer.length));
            }
            int n = buffer.length - filled;
            in.readFully(buffer, filled, n);
            filled += n;
        }
        return buffer;
    }

    static MediaException corrupt(String why) {
        return new MediaException(MediaError.CORRUPT, "cached audio stream is damaged: " + why);
    }

    /** The stable byte for each codec a stream can have; the enum's order may change, this may not. */
    static int codecCode(Codec codec) {
        return switch (codec) {
            case MP3 -> 1;
            case MP2 -> 2;
            case AAC -> 3;
            default -> throw new IllegalArgumentException(codec.id());
        };
    }

    static Codec codecOf(int code) throws MediaException {
        return switch (code) {
            case 1 -> Codec.MP3;
            case 2 -> Codec.MP2;
            case 3 -> Codec.AAC;
            default -> throw corrupt("codec " + code);
        };
    }
}
