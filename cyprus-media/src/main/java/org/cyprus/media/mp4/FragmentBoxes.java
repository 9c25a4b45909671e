package org.cyprus.media.mp4;

import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/** Parses the movie-fragment boxes of ISO/IEC 14496-12 §8.8: {@code trex}, {@code mehd}, {@code tfhd}, {@code tfdt}. */
final class FragmentBoxes {
    static final int TFHD_BASE_DATA_OFFSET = 0x1;
    static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x2;
    static final int TFHD_DEFAULT_DURATION = 0x8;
    static final int TFHD_DEFAULT_SIZE = 0x10;
    static final int TFHD_DEFAULT_FLAGS = 0x20;
    static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x20000;

    private FragmentBoxes() {
    }

    /** Track extends ({@code trex}, §8.8.3): the defaults for a track's samples in fragments. */
    record TrackExtends(int trackId, long defaultSampleDuration, long defaultSampleSize) {
    }

    /**
     * Track fragment header ({@code tfhd}, §8.8.7); absent optional fields are -1.
     *
     * @param flags see the {@code TFHD_} constants
     */
    record TrackFragmentHeader(int flags, long trackId, long baseDataOffset, long defaultSampleDuration,
            long defaultSampleSize) {

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    /** §8.8.3: {@code track_ID}, then the default description index, duration, size and flags. */
    static TrackExtends parseTrex(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader.read(r);
        long trackId = r.u32();
        r.skip(4);
        long duration = r.u32();
        long size = r.u32();
        return new TrackExtends((int) trackId, duration, size);
    }

    /** §8.8.2: the duration of the whole fragmented movie, 32 or 64 bits by version. */
    static long parseMehd(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        return full.version() == 1 ? r.s64() : r.u32();
    }

    /** §8.8.7: the optional fields present are those whose flag is set, in this order. */
    static TrackFragmentHeader parseTfhd(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        int flags = full.flags();
        long trackId = r.u32();
        long base = (flags & TFHD_BASE_DATA_OFFSET) != 0 ? r.s64() : -1;
        if ((flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0) {
            r.skip(4);
        }
        long duration = (flags & TFHD_DEFAULT_DURATION) != 0 ? r.u32() : -1;
        long size = (flags & TFHD_DEFAULT_SIZE) != 0 ? r.u32() : -1;
        return new TrackFragmentHeader(flags, trackId, base, duration, size);
    }

    /** §8.8.12: the decode time of the fragment's first sample, 32 or 64 bits by version. */
    static long parseTfdt(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        return full.version() == 1 ? r.s64() : r.u32();
    }
}
