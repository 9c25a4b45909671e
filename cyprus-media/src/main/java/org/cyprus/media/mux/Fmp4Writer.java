package org.cyprus.media.mux;

/**
 * Writes fragmented MP4 (ISO/IEC 14496-12 §8.8) for one audio track, in the CMAF structure (ISO/IEC 23000-19 §7):
 * an initialisation segment per stream, then one media segment — {@code styp}, one {@code moof}, one
 * {@code mdat} — per {@link FrameRun}. AAC, MP3 and MP2 are carried as MPEG-4 audio sample entries
 * ({@code mp4a} with an {@code esds}).
 */
public final class Fmp4Writer {
    /** tfhd: base data offset is the moof's first byte (§8.8.7.1). */
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    private static final int TFHD_DEFAULT_DURATION = 0x000008;
    private static final int TFHD_DEFAULT_SIZE = 0x000010;
    private static final int TRUN_DATA_OFFSET = 0x000001;
    private static final int TRUN_DURATIONS = 0x000100;
    private static final int TRUN_SIZES = 0x000200;
    private static final String[] SEGMENT_BRANDS = {"msdh", "cmfs", "cmff"};

    private Fmp4Writer() {
    }

    /** The initialisation segment ({@code ftyp} + {@code moov}) for segments of {@code format}. */
    public static byte[] initSegment(TrackFormat format) {
        return InitSegment.write(format);
    }

    /**
     * The media segment for {@code run}: {@code styp} (DASH media segment 'msdh' of ISO/IEC 23009-1 §6.3.4.2, CMAF
     * segment and fragment 'cmfs', 'cmff'), {@code moof} with {@code mfhd} (§8.8.5) and one {@code traf}:
     * {@code tfhd} with default-base-is-moof, {@code tfdt} version 1 holding the run's start time (§8.8.12),
     * {@code trun} (§8.8.8) with the data offset and per-sample durations and sizes — or one default in the
     * {@code tfhd} when all are equal — then the {@code mdat}. Written into one exactly sized array.
     *
     * @param sequenceNumber the fragment's {@code mfhd} sequence number, 0 to 2³²−1 (usually counting from 1)
     */
    public static byte[] mediaSegment(FrameRun run, long sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber);
        }
        int count = run.frameCount();
        boolean sameDuration = allEqual(run, false);
        boolean sameSize = allEqual(run, true);
        int stypBytes = 16 + 4 * SEGMENT_BRANDS.length;
        int tfhdBytes = 16 + (sameDuration ? 4 : 0) + (sameSize ? 4 : 0);
        int sampleBytes = (sameDuration ? 0 : 4) + (sameSize ? 0 : 4);
        int trunBytes = 20 + count * sampleBytes;
        int trafBytes = 8 + tfhdBytes + 20 + trunBytes;
        int moofBytes = 8 + 16 + trafBytes;
        long total = (long) stypBytes + moofBytes + 8 + run.payloadBytes();
        BoxBuffer out = new BoxBuffer(Math.toIntExact(total));

        int styp = out.begin("styp");
        out.fourCc(SEGMENT_BRANDS[0]);
        out.u32(0);
        for (String brand : SEGMENT_BRANDS) {
            out.fourCc(brand);
        }
        out.end(styp);

        int moof = out.begin("moof");
        int mfhd = out.beginFull("mfhd", 0, 0);
        out.u32(sequenceNumber);
        out.end(mfhd);
        int traf = out.begin("traf");
        int tfhd = out.beginFull("tfhd", 0, DEFAULT_BASE_IS_MOOF | (sameDuration ? TFHD_DEFAULT_DURATION : 0)
                | (sameSize ? TFHD_DEFAULT_SIZE : 0));
        out.u32(InitSegment.TRACK_ID);
        if (sameDuration) {
            out.u32(run.frameDuration(0));
        }
        if (sameSize) {
            out.u32(run.frameSize(0));
        }
        out.end(tfhd);
        int tfdt = out.beginFull("tfdt", 1, 0);
        out.u64(run.startTime());
        out.end(tfdt);
        int trun = out.beginFull("trun", 0, TRUN_DATA_OFFSET | (sameDuration ? 0 : TRUN_DURATIONS)
                | (sameSize ? 0 : TRUN_SIZES));
        out.u32(count);
        out.u32(moofBytes + 8); // data_offset: from the moof's first byte to the first sample, past the mdat header
        for (int i = 0; i < count; i++) {
            if (!sameDuration) {
                out.u32(run.frameDuration(i));
            }
            if (!sameSize) {
                out.u32(run.frameSize(i));
            }
        }
        out.end(trun);
        out.end(traf);
        out.end(moof);

        int mdat = out.begin("mdat");
        byte[] payload = run.payloadView();
        out.bytes(payload, 0, payload.length);
        out.end(mdat);
        if (out.position() != total) {
            throw new IllegalStateException("wrote " + out.position() + " of " + total + " bytes");
        }
        return out.toArray();
    }

    private static boolean allEqual(FrameRun run, boolean sizes) {
        int first = sizes ? run.frameSize(0) : run.frameDuration(0);
        for (int i = 1; i < run.frameCount(); i++) {
            if ((sizes ? run.frameSize(i) : run.frameDuration(i)) != first) {
                return false;
            }
        }
        return true;
    }
}
