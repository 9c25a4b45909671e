package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.Set;
import org.cyprus.media.Chapter;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/**
 * The golden text dump of one probe: the box tree with offsets and sizes, the decoded headers of every track, the
 * chosen track's sample table sample by sample, the metadata items, chapters, and the final {@link MediaInfo}.
 */
final class Mp4Dump {
    private static final Set<Integer> CONTAINERS = Set.of(BoxType.MOOV, BoxType.TRAK, BoxType.MDIA, BoxType.MINF,
            BoxType.STBL, BoxType.UDTA, BoxType.EDTS, BoxType.of("dinf"), BoxType.MVEX, BoxType.MOOF, BoxType.TRAF,
            BoxType.TREF, BoxType.ILST, BoxType.WAVE);
    private static final int MAX_SAMPLE_LINES = 60;

    private final StringBuilder out = new StringBuilder();
    private final ByteSource source;

    private Mp4Dump(ByteSource source) {
        this.source = source;
    }

    static String of(ByteSource source) throws IOException, MediaException {
        Mp4Dump dump = new Mp4Dump(source);
        dump.write(Mp4Probe.run(source));
        return dump.out.toString();
    }

    private void write(Mp4Probe probe) throws IOException {
        line(0, "file: %d bytes", source.size());
        line(0, "boxes:");
        BoxWalker walker = new BoxWalker(source, new Warnings());
        for (Box box : probe.topLevel()) {
            tree(walker, box, 1, -1);
        }
        Movie movie = probe.movie();
        line(0, "mvhd: timescale=%d duration=%d (v%d)", movie.header().timescale(), movie.header().duration(),
                movie.header().version());
        if (!movie.trackExtends().isEmpty() || movie.fragmentDuration() > 0) {
            line(0, "mvex: mehd duration=%d, trex %s", movie.fragmentDuration(), movie.trackExtends().values());
        }
        for (Track t : movie.tracks()) {
            line(0, "track %d%s:", t.trackId(), t == probe.audio() ? " (chosen audio track)" : "");
            line(1, "tkhd: flags=0x%x enabled=%s duration=%d (v%d)", t.header().flags(), t.header().enabled(),
                    t.header().duration(), t.header().version());
            line(1, "mdhd: timescale=%d duration=%d language=%s (v%d)", t.media().timescale(), t.media().duration(),
                    t.media().language(), t.media().version());
            line(1, "hdlr: %s \"%s\"", BoxType.name(t.handler().handlerType()), t.handler().name());
            for (EditList.Edit e : t.editList().edits()) {
                line(1, "elst: segmentDuration=%d mediaTime=%d rate=%d", e.segmentDuration(), e.mediaTime(), e.mediaRate());
            }
            if (!t.chapterTrackIds().isEmpty()) {
                line(1, "tref/chap: %s", t.chapterTrackIds());
            }
            for (SampleEntry entry : t.sampleEntries()) {
                if (entry instanceof SampleEntry.Audio a) {
                    line(1, "stsd: %s soundVersion=%d channelCount=%d sampleSizeBits=%d sampleRateHz=%d", BoxType.name(a.format()),
                            a.soundVersion(), a.channelCount(), a.sampleSizeBits(), a.sampleRateHz());
                    a.esds().ifPresent(e -> line(2, "%s", e));
                    a.alac().ifPresent(c -> line(2, "%s", c));
                } else {
                    line(1, "stsd: %s", BoxType.name(entry.format()));
                }
            }
        }
        for (MediaException broken : movie.brokenTracks()) {
            line(0, "broken track: %s (%s)", broken.getMessage(), broken.error().code());
        }
        Mp4AudioTrack track = probe.audioTrack();
        SampleTable table = track.sampleTable();
        line(0, "audio track %d: %s, %s, %d Hz, %d channels, asc=%s", track.trackId(), track.codec().id(),
                track.codecDetail(), track.sampleRateHz(), track.channels(), track.audioSpecificConfig());
        line(1, "gapless: %s priming=%d padding=%d", probe.trim().source(), track.primingSamples(), track.paddingSamples());
        line(1, "fragments with samples: %d", probe.fragments());
        line(1, "%s", table);
        samples(table);
        line(0, "metadata items:");
        for (IlstItem item : probe.metadata().items()) {
            line(1, "%s @%d type=%d: %s", item.key(), item.offset(), item.dataType(), shorten(item.value()));
        }
        line(0, "chapters from %s:", probe.chapterSources().source());
        for (ChapterMark mark : probe.chapterSources().marks()) {
            line(1, "%d us \"%s\"", mark.startUs(), mark.title());
        }
        mediaInfo(probe.mediaInfo());
    }

    private void samples(SampleTable table) {
        int n = table.frameCount();
        for (int i = 0; i < n; i++) {
            if (n > MAX_SAMPLE_LINES && i == MAX_SAMPLE_LINES / 2) {
                line(2, "... %d samples ...", n - MAX_SAMPLE_LINES);
                i = n - MAX_SAMPLE_LINES / 2;
            }
            line(2, "#%d offset=%d size=%d time=%d duration=%d", i, table.frameOffset(i), table.frameSize(i),
                    table.frameTime(i), table.frameDuration(i));
        }
    }

    private void mediaInfo(MediaInfo info) {
        line(0, "media info:");
        line(1, "format=%s codec=%s detail=\"%s\" sampleRateHz=%d channels=%d bitrateBps=%d", info.format().id(),
                info.codec().id(), info.codecDetail(), info.sampleRateHz(), info.channels(), info.bitrateBps());
        line(1, "durationUs=%d gaplessDurationUs=%d audioBytes=%d..%d", info.durationUs(), info.gaplessDurationUs(),
                info.audioStartByte(), info.audioEndByte());
        info.tags().asMap().forEach((key, values) -> line(1, "tag %s=%s", key.jsonName(), shorten(values.toString())));
        info.cover().ifPresent(c -> line(1, "cover: %s, %d bytes, %s", c.mimeType(), c.sizeBytes(), c.location()));
        for (Chapter c : info.chapters()) {
            line(1, "chapter %d..%d us \"%s\"", c.startUs(), c.endUs(), c.title());
        }
        for (String warning : info.warnings()) {
            line(1, "warning: %s", warning);
        }
    }

    /** {@code stsdVersion} is the parent stsd's version when {@code box} is a sample entry, else -1. */
    private void tree(BoxWalker walker, Box box, int depth, int stsdVersion) throws IOException {
        line(depth, "%s @%d size=%d%s%s%s", box.name(), box.offset(), box.sizeBytes(),
                box.headerBytes() != 8 ? " header=" + box.headerBytes() : "", box.truncated() ? " TRUNCATED" : "",
                annotation(walker, box));
        if (depth > 12) {
            return;
        }
        try {
            long skip = childrenAt(box, stsdVersion);
            if (skip < 0) {
                return;
            }
            int version = box.type() == BoxType.STSD ? new ByteReader(source, box.contentOffset(), box.end()).u8() : -1;
            for (Box child : walker.children(box, skip)) {
                tree(walker, child, depth + 1, version);
            }
        } catch (MediaException e) {
            line(depth + 1, "! %s", e.getMessage());
        }
    }

    /** Decoded fields of the leaf boxes the sample table and fragments are made of. */
    private String annotation(BoxWalker walker, Box box) {
        try {
            ByteReader r = new ByteReader(source, box.contentOffset(), box.end());
            int type = box.type();
            if (type == BoxType.FTYP) {
                StringBuilder brands = new StringBuilder(": major=" + r.fourCc() + " minor=" + r.u32() + " compatible=");
                while (r.remaining() >= 4) {
                    brands.append('[').append(r.fourCc()).append(']');
                }
                return brands.toString();
            }
            if (type == BoxType.STTS) {
                SampleTableBoxes.TimeToSample stts = SampleTableBoxes.parseStts(source, box);
                return ": " + pairs(stts.sampleCounts(), stts.sampleDeltas(), "x");
            }
            if (type == BoxType.STSC) {
                SampleTableBoxes.SampleToChunk stsc = SampleTableBoxes.parseStsc(source, box);
                return ": first chunk/samples per chunk " + pairs(stsc.firstChunks(), stsc.samplesPerChunk(), "/");
            }
            if (type == BoxType.STSZ || type == BoxType.STZ2) {
                SampleTableBoxes.SampleSizes sizes = type == BoxType.STSZ ? SampleTableBoxes.parseStsz(source, box)
                        : SampleTableBoxes.parseStz2(source, box);
                return ": " + sizes.sampleCount() + " samples" + (sizes.sizes() == null ? " of " + sizes.uniformSize() + " bytes" : "");
            }
            if (type == BoxType.STCO || type == BoxType.CO64) {
                long[] offsets = SampleTableBoxes.parseStco(source, box);
                return ": " + offsets.length + " chunks" + (offsets.length > 0 ? " from " + offsets[0] : "");
            }
            if (type == BoxType.ESDS) {
                return ": " + SampleDescriptions.parseEsds(walker, box);
            }
            if (type == BoxType.TFHD) {
                FragmentBoxes.TrackFragmentHeader tfhd = FragmentBoxes.parseTfhd(source, box);
                return String.format(": flags=0x%x track=%d base=%d defaultDuration=%d defaultSize=%d", tfhd.flags(),
                        tfhd.trackId(), tfhd.baseDataOffset(), tfhd.defaultSampleDuration(), tfhd.defaultSampleSize());
            }
            if (type == BoxType.TFDT) {
                return ": baseMediaDecodeTime=" + FragmentBoxes.parseTfdt(source, box);
            }
            if (type == BoxType.TRUN) {
                FullBoxHeader full = FullBoxHeader.read(r);
                long count = r.u32();
                return String.format(": flags=0x%x samples=%d%s", full.flags(), count,
                        (full.flags() & 1) != 0 ? " dataOffset=" + r.s32() : "");
            }
            if (type == BoxType.CHPL) {
                return ": " + ChapterBoxes.parseChpl(source, box, new Warnings()).size() + " chapters";
            }
            if (type == BoxType.DATA) {
                return String.format(": type=%d payload=%d bytes", r.s32() & 0xFFFFFF, box.contentBytes() - 8);
            }
        } catch (IOException | MediaException e) {
            return " ! " + e.getMessage();
        }
        return "";
    }

    private static String pairs(long[] a, long[] b, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < a.length && i < 8; i++) {
            out.append(i == 0 ? "" : ", ").append(a[i]).append(separator).append(b[i]);
        }
        return out.append(a.length > 8 ? ", ... (" + a.length + " entries)" : "").toString();
    }

    private long childrenAt(Box box, int stsdVersion) throws IOException, MediaException {
        int type = box.type();
        if (CONTAINERS.contains(type) || BoxType.name(type).startsWith("©") || type == BoxType.FREEFORM
                || type == BoxType.COVR || type == BoxType.TRKN || type == BoxType.DISK || type == BoxType.GNRE
                || BoxType.name(type).matches("aART|desc|ldes|cprt|stik")) {
            return 0;
        }
        if (type == BoxType.META) {
            return new ByteReader(source, box.contentOffset(), box.end()).u32() == 0 ? 4 : 0;
        }
        if (type == BoxType.STSD) {
            return 8;
        }
        if (stsdVersion >= 0 && (type == BoxType.MP4A || type == BoxType.ALAC)) {
            int version = new ByteReader(source, box.contentOffset() + 8, box.end()).u16();
            return stsdVersion == 0 && version == 1 ? 44 : stsdVersion == 0 && version == 2 ? 64 : 28;
        }
        return -1;
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static String shorten(String value) {
        String flat = value.replace("\n", "\\n").replace("\0", "\\0");
        return flat.length() > 100 ? flat.substring(0, 100) + "..." : flat;
    }

    private void line(int depth, String format, Object... args) {
        out.append("  ".repeat(depth)).append(String.format(format, args)).append('\n');
    }
}
