package org.cyprus.media.mp4;

import java.util.List;
import java.util.Optional;

/**
 * One {@code trak} as far as this reader needs it (ISO/IEC 14496-12 §8.3): its headers, the tracks its
 * {@code tref/chap} names as chapter tracks, its sample descriptions, and where its sample table is.
 */
record Track(Box trak, TrackHeader header, MediaHeader media, Handler handler, EditList editList,
        List<Integer> chapterTrackIds, List<SampleEntry> sampleEntries, Optional<Box> stbl) {

    Track {
        chapterTrackIds = List.copyOf(chapterTrackIds);
        sampleEntries = List.copyOf(sampleEntries);
    }

    int trackId() {
        return header.trackId();
    }

    /** "track 2", for messages. */
    String label() {
        return "track " + header.trackId();
    }
}
