package org.cyprus.media.mp3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * The on-disk form of an {@link Mp3FrameIndex}: the 8-byte magic {@code CYMP3IDX}, a format version byte, the
 * payload length and the payload, then a CRC-32 of the payload. The payload holds the first frame's offset, the
 * frame count, the runs (first frame, sample rate, samples per frame), the gaps (frame, skipped bytes), every
 * frame size as an unsigned 16-bit value and the warnings. Reading checks the checksum and then every value, and
 * rebuilds the index through {@link FrameIndexBuilder} exactly as a scan would.
 */
final class FrameIndexFile {
    static final int VERSION = 1;
    private static final byte[] MAGIC = "CYMP3IDX".getBytes(StandardCharsets.US_ASCII);
    /** 2 bytes per frame for {@link FrameIndexBuilder#MAX_FRAMES} frames, plus room for the rest. */
    private static final int MAX_PAYLOAD_BYTES = 2 * FrameIndexBuilder.MAX_FRAMES + (16 << 20);
    private static final int READ_CHUNK_BYTES = 1 << 16;
    private static final int MAX_WARNING_CHARS = 1000;

    private FrameIndexFile() {
    }

    static void write(Mp3FrameIndex index, DataOutput out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 2 * index.frameCount());
        DataOutputStream payload = new DataOutputStream(bytes);
        payload.writeLong(index.frameOffset(0));
        payload.writeInt(index.frameCount());
        FrameRuns runs = index.runs();
        payload.writeInt(runs.count());
        for (int run = 0; run < runs.count(); run++) {
            payload.writeInt(runs.firstFrame(run));
            payload.writeInt(runs.sampleRateHz(run));
            payload.writeInt(runs.samplesPerFrame(run));
        }
        payload.writeInt(index.gapCount());
        for (int gap = 0; gap < index.gapCount(); gap++) {
            payload.writeInt(index.gapFrame(gap));
            payload.writeLong(index.gapBytes(gap));
        }
        for (int frame = 0; frame < index.frameCount(); frame++) {
            payload.writeShort(index.frameSize(frame));
        }
        payload.writeInt(index.warnings().size());
        for (String warning : index.warnings()) {
            payload.writeUTF(warning.length() > MAX_WARNING_CHARS ? warning.substring(0, MAX_WARNING_CHARS) : warning);
        }
        payload.flush();
        byte[] data = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(data);
        out.write(MAGIC);
        out.writeByte(VERSION);
        out.writeInt(data.length);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    static Mp3FrameIndex read(DataInput in) throws IOException, MediaException {
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt("it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new MediaException(MediaError.UNSUPPORTED, "cached MP3 frame index has format version "
                        + version + "; this build reads version " + VERSION);
            }
            int length = in.readInt();
            if (length < 0 || length > MAX_PAYLOAD_BYTES) {
                throw corrupt("its payload length is " + length);
            }
            byte[] data = readPayload(in, length);
            CRC32 crc = new CRC32();
            crc.update(data);
            if (in.readInt() != (int) crc.getValue()) {
                throw corrupt("its checksum does not match");
            }
            return parse(new DataInputStream(new ByteArrayInputStream(data)), data.length);
        } catch (EOFException | UTFDataFormatException e) {
            throw new MediaException(MediaError.CORRUPT, "cached MP3 frame index is cut short or damaged", e);
        }
    }

    /** Reads {@code length} bytes, growing the buffer only as bytes actually arrive. */
    private static byte[] readPayload(DataInput in, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(length, READ_CHUNK_BYTES));
        byte[] chunk = new byte[Math.min(length, READ_CHUNK_BYTES)];
        int remaining = length;
        while (remaining > 0) {
            int n = Math.min(remaining, chunk.length);
            in.readFully(chunk, 0, n);
            out.write(chunk, 0, n);
            remaining -= n;
        }
        return out.toByteArray();
    }

    private static Mp3FrameIndex parse(DataInputStream in, int length) throws IOException, MediaException {
        long firstOffset = in.readLong();
        int frameCount = in.readInt();
        if (firstOffset < 0 || frameCount < 1 || frameCount > FrameIndexBuilder.MAX_FRAMES
                || 2L * frameCount > in.available()) {
            throw corrupt("it claims " + frameCount + " frames from offset " + firstOffset + " in " + length + " bytes");
        }
        int runCount = count(in, 12, "runs");
        int[] firstFrames = new int[runCount];
        int[] rates = new int[runCount];
        int[] samplesPerFrame = new int[runCount];
        for (int run = 0; run < runCount; run++) {
            firstFrames[run] = in.readInt();
            rates[run] = in.readInt();
            samplesPerFrame[run] = in.readInt();
        }
        FrameRuns runs = FrameRuns.of(frameCount, firstFrames, rates, samplesPerFrame);
        int gapCount = count(in, 12, "gaps");
        int[] gapFrames = new int[gapCount];
        long[] gapBytes = new long[gapCount];
        for (int gap = 0; gap < gapCount; gap++) {
            gapFrames[gap] = in.readInt();
            gapBytes[gap] = in.readLong();
            if (gapFrames[gap] <= (gap == 0 ? 0 : gapFrames[gap - 1]) || gapFrames[gap] >= frameCount || gapBytes[gap] <= 0) {
                throw corrupt("gap " + gap + " is at frame " + gapFrames[gap] + " with " + gapBytes[gap] + " bytes");
            }
        }
        FrameIndexBuilder builder = new FrameIndexBuilder();
        long offset = firstOffset;
        int run = 0;
        int gap = 0;
        for (int frame = 0; frame < frameCount; frame++) {
            if (run < runCount && firstFrames[run] == frame) {
                builder.startRun(rates[run], samplesPerFrame[run]);
                run++;
            }
            if (gap < gapCount && gapFrames[gap] == frame) {
                offset = add(offset, gapBytes[gap++]);
            }
            int size = in.readUnsignedShort();
            if (size < 4) {
                throw corrupt("frame " + frame + " is " + size + " bytes long");
            }
            builder.add(offset, size);
            offset = add(offset, size);
        }
        int warningCount = count(in, 2, "warnings");
        List<String> warnings = new ArrayList<>(warningCount);
        for (int i = 0; i < warningCount; i++) {
            warnings.add(in.readUTF());
        }
        if (in.available() != 0) {
            throw corrupt(in.available() + " bytes follow its last field");
        }
        Mp3FrameIndex index = builder.build(warnings);
        if (!index.runs().equals(runs)) {
            throw corrupt("its runs repeat a sample rate");
        }
        return index;
    }

    /** A count of records of at least {@code recordBytes} each, checked against the bytes that remain. */
    private static int count(DataInputStream in, int recordBytes, String what) throws IOException, MediaException {
        int count = in.readInt();
        if (count < 0 || (long) count * recordBytes > in.available()) {
            throw corrupt("it claims " + count + " " + what + " with " + in.available() + " bytes left");
        }
        return count;
    }

    private static long add(long offset, long bytes) throws MediaException {
        if (bytes > Long.MAX_VALUE - offset) {
            throw corrupt("its frame offsets overflow");
        }
        return offset + bytes;
    }

    private static MediaException corrupt(String why) {
        return new MediaException(MediaError.CORRUPT, "cached MP3 frame index is damaged: " + why);
    }
}
