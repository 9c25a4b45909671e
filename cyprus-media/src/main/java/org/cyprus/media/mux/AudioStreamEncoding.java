package org.cyprus.media.mux;

import java.nio.ByteBuffer;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;

/**
 * The payload of an {@link AudioStreamFile}, big-endian: codec (u8), sample rate (i32), channels (i32), timescale
 * (i64), decoder configuration (u16 length, bytes); frame count (i32), first frame time (i64); duration runs (i32
 * count, then first frame i32 and duration i64 each); spans (i32 count, then first frame i32 and byte offset i64
 * each); size width (u8, 2 or 4) and every frame size.
 */
final class AudioStreamEncoding {
    private static final int RUN_BYTES = 4 + 8;
    private static final int SPAN_BYTES = 4 + 8;
    /** Offsets past 2⁵⁶ (64 PiB) are damage, and could overflow once sizes are added. */
    private static final long MAX_OFFSET = 1L << 56;

    private AudioStreamEncoding() {
    }

    static byte[] encode(TrackFormat format, PackedFrameTable table) {
        byte[] config = format.decoderConfigView();
        int count = table.frameCount();
        int width = table.smallSizes() != null ? 2 : 4;
        int[] runFirst = table.runFirstFrames();
        int[] spanFirst = table.spanFirstFrames();
        long bytes = 1 + 4 + 4 + 8 + 2 + config.length + 4 + 8 + 4 + (long) RUN_BYTES * runFirst.length + 4
                + (long) SPAN_BYTES * spanFirst.length + 1 + (long) width * count;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes));
        out.put((byte) AudioStreamFile.codecCode(format.codec()));
        out.putInt(format.sampleRateHz()).putInt(format.channels()).putLong(format.timescale());
        out.putShort((short) config.length).put(config);
        out.putInt(count).putLong(table.firstTime());
        out.putInt(runFirst.length);
        long[] durations = table.runDurations();
        for (int r = 0; r < runFirst.length; r++) {
            out.putInt(runFirst[r]).putLong(durations[r]);
        }
        out.putInt(spanFirst.length);
        long[] offsets = table.spanOffsets();
        for (int s = 0; s < spanFirst.length; s++) {
            out.putInt(spanFirst[s]).putLong(offsets[s]);
        }
        out.put((byte) width);
        if (width == 2) {
            out.asCharBuffer().put(table.smallSizes());
        } else {
            out.asIntBuffer().put(table.sizes());
        }
        return out.array();
    }

    static AudioStream decode(ByteBuffer in) throws MediaException {
        Codec codec = AudioStreamFile.codecOf(in.get() & 0xFF);
        int sampleRateHz = in.getInt();
        int channels = in.getInt();
        long timescale = in.getLong();
        int configBytes = in.getShort() & 0xFFFF;
        if (configBytes > TrackFormat.MAX_DECODER_CONFIG_BYTES) {
            throw AudioStreamFile.corrupt("a " + configBytes + "-byte decoder configuration");
        }
        byte[] config = new byte[configBytes];
        in.get(config);
        TrackFormat format;
        try {
            format = new TrackFormat(codec, sampleRateHz, channels, timescale, config);
        } catch (IllegalArgumentException e) {
            throw AudioStreamFile.corrupt("its format is invalid: " + e.getMessage());
        }
        int count = in.getInt();
        long firstTime = in.getLong();
        if (count < 1 || count > PackedFrameTableBuilder.MAX_FRAMES || 2L * count > in.remaining() || firstTime < 0) {
            throw AudioStreamFile.corrupt(count + " frames from time " + firstTime + " in " + in.remaining() + " bytes");
        }
        int[] runFirst = firstFrames(in, count, RUN_BYTES, "duration runs");
        long[] durations = new long[runFirst.length];
        for (int r = 0; r < runFirst.length; r++) {
            runFirst[r] = in.getInt();
            durations[r] = in.getLong();
            if (durations[r] < 0 || durations[r] > Integer.MAX_VALUE) {
                throw AudioStreamFile.corrupt("duration run " + r + " has duration " + durations[r]);
            }
        }
        checkFirstFrames(runFirst, count, "duration run");
        int[] spanFirst = firstFrames(in, count, SPAN_BYTES, "spans");
        long[] offsets = new long[spanFirst.length];
        for (int s = 0; s < spanFirst.length; s++) {
            spanFirst[s] = in.getInt();
            offsets[s] = in.getLong();
            if (offsets[s] < 0 || offsets[s] > MAX_OFFSET) {
                throw AudioStreamFile.corrupt("span " + s + " starts at offset " + offsets[s]);
            }
        }
        checkFirstFrames(spanFirst, count, "span");
        int width = in.get();
        if ((width != 2 && width != 4) || (long) width * count != in.remaining()) {
            throw AudioStreamFile.corrupt(count + " sizes of " + width + " bytes in " + in.remaining() + " bytes");
        }
        char[] smallSizes = null;
        int[] sizes = null;
        if (width == 2) {
            smallSizes = new char[count];
            in.asCharBuffer().get(smallSizes);
        } else {
            sizes = new int[count];
            in.asIntBuffer().get(sizes);
        }
        for (int i = 0; i < count; i++) {
            int size = smallSizes != null ? smallSizes[i] : sizes[i];
            if (size < 1 || size > PackedFrameTableBuilder.MAX_FRAME_BYTES) {
                throw AudioStreamFile.corrupt("frame " + i + " is " + size + " bytes long");
            }
        }
        try {
            return new AudioStream(format, new PackedFrameTable(timescale, smallSizes, sizes, spanFirst, offsets,
                    runFirst, durations, firstTime));
        } catch (ArithmeticException e) {
            throw AudioStreamFile.corrupt("its frame times overflow");
        }
    }

    /** A count of records of {@code recordBytes} each, checked against the bytes left, as an array to fill. */
    private static int[] firstFrames(ByteBuffer in, int frameCount, int recordBytes, String what) throws MediaException {
        int n = in.getInt();
        if (n < 1 || n > frameCount || (long) n * recordBytes > in.remaining()) {
            throw AudioStreamFile.corrupt(n + " " + what + " for " + frameCount + " frames in " + in.remaining()
                    + " bytes");
        }
        return new int[n];
    }

    /** The first frames start at 0 and ascend strictly within the table. */
    private static void checkFirstFrames(int[] first, int frameCount, String what) throws MediaException {
        for (int i = 0; i < first.length; i++) {
            if (i == 0 ? first[0] != 0 : first[i] <= first[i - 1] || first[i] >= frameCount) {
                throw AudioStreamFile.corrupt(what + " " + i + " starts at frame " + first[i]);
            }
        }
    }
}
