package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/** Parses {@code moov} and its tracks (ISO/IEC 14496-12 §8.2–§8.5, §8.8.1) into a {@link Movie}. */
final class MovieBoxes {
    private static final int MAX_CHAPTER_REFERENCES = 64;

    private MovieBoxes() {
    }

    /**
     * Reads the movie. A {@code trak} that cannot be read is skipped with the reason kept in
     * {@link Movie#brokenTracks()}, so one damaged track does not hide the others.
     */
    static Movie parseMoov(BoxWalker walker, Box moov) throws IOException, MediaException {
        List<Box> children = walker.childrenUpToDamage(moov, 0);
        Optional<Box> mvhdBox = BoxWalker.first(children, BoxType.MVHD);
        MovieHeader mvhd;
        if (mvhdBox.isPresent()) {
            mvhd = HeaderBoxes.parseMvhd(walker.source(), mvhdBox.get());
        } else {
            walker.warnings().add("moov has no mvhd");
            mvhd = new MovieHeader(0, 0, 0);
        }
        List<Track> tracks = new ArrayList<>();
        List<MediaException> broken = new ArrayList<>();
        Map<Integer, FragmentBoxes.TrackExtends> trackExtends = new HashMap<>();
        long fragmentDuration = 0;
        for (Box child : children) {
            if (child.type() == BoxType.TRAK) {
                try {
                    tracks.add(parseTrak(walker, child));
                } catch (MediaException e) {
                    broken.add(new MediaException(e.error(), "trak at offset " + child.offset() + ": " + e.getMessage()));
                }
            } else if (child.type() == BoxType.MVEX) {
                try {
                    for (Box box : walker.children(child)) {
                        if (box.type() == BoxType.TREX) {
                            FragmentBoxes.TrackExtends trex = FragmentBoxes.parseTrex(walker.source(), box);
                            trackExtends.putIfAbsent(trex.trackId(), trex);
                        } else if (box.type() == BoxType.MEHD) {
                            fragmentDuration = FragmentBoxes.parseMehd(walker.source(), box);
                        }
                    }
                } catch (MediaException e) {
                    walker.warnings().add("mvex at offset " + child.offset() + " unreadable: " + e.getMessage());
                }
            }
        }
        return new Movie(moov, mvhd, tracks, broken, BoxWalker.first(children, BoxType.UDTA),
                BoxWalker.first(children, BoxType.META), trackExtends, fragmentDuration);
    }

    /** §8.3.1: {@code tkhd}, {@code tref}, {@code edts/elst} and {@code mdia} ({@code mdhd}, {@code hdlr}, {@code minf/stbl}). */
    static Track parseTrak(BoxWalker walker, Box trak) throws IOException, MediaException {
        List<Box> children = walker.children(trak);
        var source = walker.source();
        TrackHeader tkhd = HeaderBoxes.parseTkhd(source, require(children, trak, BoxType.TKHD));
        Box mdia = require(children, trak, BoxType.MDIA);
        List<Box> mdiaChildren = walker.children(mdia);
        MediaHeader mdhd = HeaderBoxes.parseMdhd(source, require(mdiaChildren, mdia, BoxType.MDHD));
        Handler hdlr = HeaderBoxes.parseHdlr(source, require(mdiaChildren, mdia, BoxType.HDLR));
        EditList editList = EditList.NONE;
        Optional<Box> edts = BoxWalker.first(children, BoxType.EDTS);
        if (edts.isPresent()) {
            Optional<Box> elst = walker.child(edts.get(), BoxType.ELST);
            if (elst.isPresent()) {
                editList = HeaderBoxes.parseElst(source, elst.get(), walker.warnings());
            }
        }
        List<Integer> chapterTracks = List.of();
        Optional<Box> tref = BoxWalker.first(children, BoxType.TREF);
        if (tref.isPresent()) {
            Optional<Box> chap = walker.child(tref.get(), BoxType.CHAP);
            if (chap.isPresent()) {
                chapterTracks = parseChap(walker, chap.get());
            }
        }
        Optional<Box> stbl = Optional.empty();
        List<SampleEntry> entries = List.of();
        Optional<Box> minf = BoxWalker.first(mdiaChildren, BoxType.MINF);
        if (minf.isPresent()) {
            stbl = walker.child(minf.get(), BoxType.STBL);
        }
        if (stbl.isPresent()) {
            Optional<Box> stsd = walker.child(stbl.get(), BoxType.STSD);
            if (stsd.isPresent()) {
                entries = SampleDescriptions.parseStsd(walker, stsd.get(), hdlr.audio());
            }
        }
        return new Track(trak, tkhd, mdhd, hdlr, editList, chapterTracks, entries, stbl);
    }

    /** §8.3.3: a track reference box of type {@code chap} lists the track ids of chapter tracks (QuickTime chapters). */
    static List<Integer> parseChap(BoxWalker walker, Box chap) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), chap);
        int count = (int) Math.min(r.remaining() / 4, MAX_CHAPTER_REFERENCES);
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = r.u32();
            if (id > 0 && id <= Integer.MAX_VALUE) {
                ids.add((int) id);
            }
        }
        return ids;
    }

    private static Box require(List<Box> children, Box parent, int type) throws MediaException {
        return BoxWalker.first(children, type).orElseThrow(() -> new MediaException(
                parent.truncated() ? MediaError.TRUNCATED : MediaError.CORRUPT,
                parent.name() + " at offset " + parent.offset() + " has no " + BoxType.name(type)));
    }
}
