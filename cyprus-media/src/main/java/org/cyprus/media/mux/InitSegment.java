package org.cyprus.media.mux;

import java.nio.charset.StandardCharsets;

/**
 * The boxes of an fMP4 initialisation segment for one audio track (ISO/IEC 14496-12; a CMAF header, ISO/IEC
 * 23000-19 §7.3.2.1): {@code ftyp}, then a {@code moov} whose sample tables are empty and whose {@code mvex} says
 * the samples come in movie fragments.
 */
final class InitSegment {
    static final int TRACK_ID = 1;
    /** 'und', undetermined (ISO 639-2/T), packed as three 5-bit letters less 0x60 (§8.4.2.3). */
    private static final int LANGUAGE_UND = ('u' - 0x60) << 10 | ('n' - 0x60) << 5 | ('d' - 0x60);
    private static final int[] UNITY_MATRIX = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
    /** tkhd flags track_enabled | track_in_movie (§8.3.2.3). */
    private static final int TRACK_ENABLED_IN_MOVIE = 0x000003;

    private InitSegment() {
    }

    static byte[] write(TrackFormat format) {
        BoxBuffer out = new BoxBuffer(1024);
        // §4.3: ISO base media (iso6, which knows default-base-is-moof and tfdt), the CMAF structural brand,
        // MPEG-4 files, and DASH.
        int ftyp = out.begin("ftyp");
        out.fourCc("iso6");
        out.u32(0);
        for (String brand : new String[] {"iso6", "cmfc", "mp41", "dash"}) {
            out.fourCc(brand);
        }
        out.end(ftyp);
        int moov = out.begin("moov");
        mvhd(out, format.timescale());
        int trak = out.begin("trak");
        tkhd(out);
        int mdia = out.begin("mdia");
        mdhd(out, format.timescale());
        hdlr(out);
        int minf = out.begin("minf");
        int smhd = out.beginFull("smhd", 0, 0);
        out.u16(0); // balance: centre
        out.u16(0);
        out.end(smhd);
        dinf(out);
        stbl(out, format);
        out.end(minf);
        out.end(mdia);
        out.end(trak);
        mvex(out);
        out.end(moov);
        return out.toArray();
    }

    /** §8.2.2: version 0; no duration, since the movie is fragmented (§8.8.1). */
    private static void mvhd(BoxBuffer out, long timescale) {
        int box = out.beginFull("mvhd", 0, 0);
        out.u32(0); // creation_time
        out.u32(0); // modification_time
        out.u32(timescale);
        out.u32(0); // duration
        out.u32(0x00010000); // rate 1.0
        out.u16(0x0100); // volume 1.0
        out.zeros(2 + 8);
        matrix(out);
        out.zeros(6 * 4); // pre_defined
        out.u32(TRACK_ID + 1); // next_track_ID
        out.end(box);
    }

    /** §8.3.2: an enabled audio track (volume 1.0, no size). */
    private static void tkhd(BoxBuffer out) {
        int box = out.beginFull("tkhd", 0, TRACK_ENABLED_IN_MOVIE);
        out.u32(0); // creation_time
        out.u32(0); // modification_time
        out.u32(TRACK_ID);
        out.u32(0); // reserved
        out.u32(0); // duration
        out.zeros(8);
        out.u16(0); // layer
        out.u16(0); // alternate_group
        out.u16(0x0100); // volume
        out.u16(0);
        matrix(out);
        out.u32(0); // width
        out.u32(0); // height
        out.end(box);
    }

    /** §8.4.2: the timescale the fragments' times count in. */
    private static void mdhd(BoxBuffer out, long timescale) {
        int box = out.beginFull("mdhd", 0, 0);
        out.u32(0);
        out.u32(0);
        out.u32(timescale);
        out.u32(0);
        out.u16(LANGUAGE_UND);
        out.u16(0);
        out.end(box);
    }

    /** §8.4.3: a sound track. */
    private static void hdlr(BoxBuffer out) {
        int box = out.beginFull("hdlr", 0, 0);
        out.u32(0);
        out.fourCc("soun");
        out.zeros(12);
        byte[] name = "SoundHandler\0".getBytes(StandardCharsets.US_ASCII);
        out.bytes(name, 0, name.length);
        out.end(box);
    }

    /** §8.7.1–8.7.2: one data reference, "in this file" (flag 1). */
    private static void dinf(BoxBuffer out) {
        int dinf = out.begin("dinf");
        int dref = out.beginFull("dref", 0, 0);
        out.u32(1);
        int url = out.beginFull("url ", 0, 1);
        out.end(url);
        out.end(dref);
        out.end(dinf);
    }

    /** §8.5: one sample description and empty tables; the samples are in the fragments. */
    private static void stbl(BoxBuffer out, TrackFormat format) {
        int stbl = out.begin("stbl");
        int stsd = out.beginFull("stsd", 0, 0);
        out.u32(1);
        mp4a(out, format);
        out.end(stsd);
        for (String table : new String[] {"stts", "stsc"}) {
            int box = out.beginFull(table, 0, 0);
            out.u32(0);
            out.end(box);
        }
        int stsz = out.beginFull("stsz", 0, 0);
        out.u32(0); // sample_size
        out.u32(0); // sample_count
        out.end(stsz);
        int stco = out.beginFull("stco", 0, 0);
        out.u32(0);
        out.end(stco);
        out.end(stbl);
    }

    /**
     * The MPEG-4 audio sample entry (ISO/IEC 14496-14 §5.6.1, AudioSampleEntry of 14496-12 §12.2.3): 16-bit
     * samples nominally, and the rate as 16.16 fixed point — 0 when it does not fit 16 bits, as for 96 kHz.
     */
    private static void mp4a(BoxBuffer out, TrackFormat format) {
        int box = out.begin("mp4a");
        out.zeros(6); // reserved
        out.u16(1); // data_reference_index
        out.zeros(8); // reserved
        out.u16(format.channels());
        out.u16(16); // samplesize
        out.u16(0); // pre_defined
        out.u16(0); // reserved
        out.u32(format.sampleRateHz() <= 0xFFFF ? (long) format.sampleRateHz() << 16 : 0);
        EsDescriptor.writeEsds(out, format);
        out.end(box);
    }

    /** §8.8.1 and §8.8.3: the track is fragmented; its samples default to nothing, each fragment says all. */
    private static void mvex(BoxBuffer out) {
        int mvex = out.begin("mvex");
        int trex = out.beginFull("trex", 0, 0);
        out.u32(TRACK_ID);
        out.u32(1); // default_sample_description_index
        out.u32(0); // default_sample_duration
        out.u32(0); // default_sample_size
        out.u32(0); // default_sample_flags: every sample a sync sample
        out.end(trex);
        out.end(mvex);
    }

    private static void matrix(BoxBuffer out) {
        for (int value : UNITY_MATRIX) {
            out.u32(value & 0xFFFFFFFFL);
        }
    }
}
