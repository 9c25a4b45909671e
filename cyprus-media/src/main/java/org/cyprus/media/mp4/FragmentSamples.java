package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * Adds the samples that movie fragments ({@code moof/traf/trun}, ISO/IEC 14496-12 §8.8) hold for one track to a
 * {@link SampleTableBuilder}, so that a fragmented file gets the same exact table as a plain one.
 */
final class FragmentSamples {
    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x4;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_COMPOSITION_OFFSET = 0x800;

    private final BoxWalker walker;
    private final SampleTableBuilder builder;
    private final int trackId;
    private final long defaultDuration;
    private final long defaultSize;
    private final String track;
    private long dataEnd;
    private boolean truncated;

    private FragmentSamples(BoxWalker walker, SampleTableBuilder builder, int trackId,
            Optional<FragmentBoxes.TrackExtends> trex, String track) {
        this.walker = walker;
        this.builder = builder;
        this.trackId = trackId;
        this.defaultDuration = trex.map(FragmentBoxes.TrackExtends::defaultSampleDuration).orElse(0L);
        this.defaultSize = trex.map(FragmentBoxes.TrackExtends::defaultSampleSize).orElse(0L);
        this.track = track;
    }

    /** Reads the fragments in {@code moofs} (in file order); returns how many held samples of the track. */
    static int read(BoxWalker walker, List<Box> moofs, int trackId, Optional<FragmentBoxes.TrackExtends> trex,
            SampleTableBuilder builder, String track) throws IOException, MediaException {
        FragmentSamples reader = new FragmentSamples(walker, builder, trackId, trex, track);
        int fragments = 0;
        for (Box moof : moofs) {
            if (reader.truncated) {
                break;
            }
            if (reader.readMoof(moof)) {
                fragments++;
            }
        }
        return fragments;
    }

    private boolean readMoof(Box moof) throws IOException, MediaException {
        boolean found = false;
        boolean firstTraf = true;
        for (Box traf : walker.children(moof)) {
            if (traf.type() != BoxType.TRAF || truncated) {
                continue;
            }
            List<Box> children = walker.children(traf);
            Optional<Box> tfhdBox = BoxWalker.first(children, BoxType.TFHD);
            if (tfhdBox.isEmpty()) {
                walker.warnings().add("traf at offset " + traf.offset() + " has no tfhd; skipped");
                continue;
            }
            FragmentBoxes.TrackFragmentHeader tfhd = FragmentBoxes.parseTfhd(walker.source(), tfhdBox.get());
            // §8.8.7.1: without an explicit base, the first track fragment's data is based at the moof, the
            // following ones at the end of the previous fragment's data (or at the moof, with default-base-is-moof).
            long base;
            if (tfhd.has(FragmentBoxes.TFHD_BASE_DATA_OFFSET)) {
                base = tfhd.baseDataOffset();
            } else if (firstTraf || tfhd.has(FragmentBoxes.TFHD_DEFAULT_BASE_IS_MOOF)) {
                base = moof.offset();
            } else {
                base = dataEnd;
            }
            firstTraf = false;
            boolean ours = tfhd.trackId() == trackId;
            found |= ours;
            boolean firstRun = true;
            for (Box trun : children) {
                if (trun.type() == BoxType.TRUN && !truncated) {
                    readTrun(trun, tfhd, firstRun ? base : dataEnd, ours);
                    firstRun = false;
                }
            }
        }
        return found;
    }

    /** §8.8.8: a run of contiguous samples; per-sample fields are present as the flags say, else defaults apply. */
    private void readTrun(Box box, FragmentBoxes.TrackFragmentHeader tfhd, long base, boolean ours)
            throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), box);
        FullBoxHeader full = FullBoxHeader.read(r);
        int flags = full.flags();
        long declared = r.u32();
        long start = base;
        if ((flags & TRUN_DATA_OFFSET) != 0) {
            start = CheckedMath.add(base, r.s32(), "trun data offset");
        }
        if ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0) {
            r.skip(4);
        }
        int perSampleBytes = 4 * Integer.bitCount(flags & (TRUN_DURATION | TRUN_SIZE | TRUN_FLAGS | TRUN_COMPOSITION_OFFSET));
        long duration = tfhd.defaultSampleDuration() >= 0 ? tfhd.defaultSampleDuration() : defaultDuration;
        long size = tfhd.defaultSampleSize() >= 0 ? tfhd.defaultSampleSize() : defaultSize;
        long fileSize = walker.source().size();
        if (start < 0 || start > fileSize) {
            throw new MediaException(MediaError.CORRUPT, "trun at offset " + box.offset() + " places its data at " + start);
        }
        if (ours) {
            builder.startChunk(start);
        }
        long count;
        long end = start;
        if (perSampleBytes == 0 && size == 0) {
            walker.warnings().add("trun at offset " + box.offset() + " declares " + declared
                    + " samples without sizes; skipped");
            dataEnd = start;
            return;
        }
        if (perSampleBytes == 0) {
            long fitting = Math.min(declared, (fileSize - start) / size);
            count = Math.min(fitting, SampleTableBuilder.MAX_SAMPLES - (long) builder.sampleCount());
            end = start + count * size;
            if (ours && count > 0) {
                builder.addSamples((int) count, sampleSize(size, box));
                builder.addDurations(count, duration);
            }
        } else {
            count = CheckedMath.tableCount(declared, perSampleBytes, r.remaining(), "trun");
            for (long i = 0; i < count; i++) {
                long sampleDuration = (flags & TRUN_DURATION) != 0 ? r.u32() : duration;
                long sampleSize = (flags & TRUN_SIZE) != 0 ? r.u32() : size;
                r.skip(perSampleBytes - 4L * Integer.bitCount(flags & (TRUN_DURATION | TRUN_SIZE)));
                if (end + sampleSize > fileSize) {
                    count = i;
                    break;
                }
                end += sampleSize;
                if (ours) {
                    builder.addSamples(1, sampleSize(sampleSize, box));
                    builder.addDurations(1, sampleDuration);
                }
            }
        }
        dataEnd = end;
        if (count < declared) {
            truncated = true;
            walker.warnings().add(track + ": fragment samples from the trun at offset " + box.offset()
                    + " on lie past the end of the file and were dropped");
        }
    }

    private static int sampleSize(long size, Box box) throws MediaException {
        if (size > Integer.MAX_VALUE) {
            throw new MediaException(MediaError.CORRUPT, "trun at offset " + box.offset() + " has a sample of " + size + " bytes");
        }
        return (int) size;
    }
}
