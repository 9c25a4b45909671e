package org.cyprus.media.mp4;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.media.MediaException;

/**
 * The parsed {@code moov} box (ISO/IEC 14496-12 §8.2.1): the movie header, the tracks that could be read, the boxes
 * that carry metadata, and the fragment defaults of {@code mvex}.
 *
 * @param brokenTracks      why each unreadable {@code trak} was skipped
 * @param fragmentDuration  the {@code mehd} duration in the movie timescale, 0 when absent
 */
record Movie(Box moov, MovieHeader header, List<Track> tracks, List<MediaException> brokenTracks, Optional<Box> udta,
        Optional<Box> meta, Map<Integer, FragmentBoxes.TrackExtends> trackExtends, long fragmentDuration) {

    Movie {
        tracks = List.copyOf(tracks);
        brokenTracks = List.copyOf(brokenTracks);
        trackExtends = Map.copyOf(trackExtends);
    }

    Optional<Track> track(int trackId) {
        return tracks.stream().filter(t -> t.trackId() == trackId).findFirst();
    }
}
