package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed fixture (made by {@code fixtures/mp4/make-fixtures.sh}): its golden dump, and its sample table,
 * stream parameters and chapters checked against ffprobe's independent reading.
 */
class Mp4FixturesTest {

    static List<String> fixtures() {
        return List.of(
                "book-moov-last-chpl-and-text-chapters.m4b",
                "book-faststart-chpl-and-text-chapters.m4b",
                "chapters-text-track-only.m4b",
                "cover-jpeg-attached-pic.m4a",
                "cover-png-atomicparsley.m4a",
                "tags-atomicparsley-gnre-speech.m4b",
                "aac-48k-stereo.m4a",
                "two-audio-tracks-first-disabled.m4a",
                "fragmented-empty-moov.m4a",
                "quicktime-sound-v1-wave.mov",
                "quicktime-sound-v2-96k.mov",
                "alac-16bit.m4a",
                "mp3-mpeg1-in-mp4.mp4",
                "mp3-mpeg2-in-mp4.mp4");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void matchesGoldenDump(String name) throws IOException, MediaException {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("mp4/" + name))) {
            GoldenFiles.assertMatches("mp4/" + name.replaceAll("\\.[^.]+$", "") + ".txt", Mp4Dump.of(source));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sampleTableMatchesFfprobePackets(String name) throws IOException, MediaException {
        Path file = Fixtures.path("mp4/" + name);
        assertSampleTableMatchesFfprobe(file, probe(file));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void streamParametersMatchFfprobe(String name) throws IOException, MediaException {
        Path file = Fixtures.path("mp4/" + name);
        Mp4Probe probe = probe(file);
        Map<String, String> stream = Ffprobe.stream(file, ffprobeStreamIndex(probe));
        assertThat(probe.mediaInfo().sampleRateHz()).isEqualTo(Integer.parseInt(stream.get("sample_rate")));
        assertThat(probe.mediaInfo().channels()).isEqualTo(Integer.parseInt(stream.get("channels")));
        assertThat(probe.mediaInfo().codec().id()).isEqualTo(switch (stream.get("codec_name")) {
            case "mp3" -> "mp3";
            default -> stream.get("codec_name");
        });
        assertThat(probe.mediaInfo().gaplessDurationUs()).isEqualTo(Ffprobe.micros(stream.get("duration")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void chaptersMatchFfprobe(String name) throws IOException, MediaException {
        Path file = Fixtures.path("mp4/" + name);
        List<Ffprobe.FfChapter> expected = Ffprobe.chapters(file);
        List<Ffprobe.FfChapter> actual = probe(file).mediaInfo().chapters().stream()
                .map(c -> new Ffprobe.FfChapter(c.startUs(), c.endUs(), c.title())).toList();
        assertThat(actual).isEqualTo(expected);
    }

    /** Every tag ffprobe knows by a name that maps to a {@link TagKey} has the same value here. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void tagsMatchFfprobe(String name) throws IOException, MediaException {
        Path file = Fixtures.path("mp4/" + name);
        Tags tags = probe(file).mediaInfo().tags();
        Map<String, String> expected = Ffprobe.formatTags(file);
        Map<String, TagKey> keys = Map.of("title", TagKey.TITLE, "artist", TagKey.ARTIST, "album_artist",
                TagKey.ALBUM_ARTIST, "album", TagKey.ALBUM, "composer", TagKey.COMPOSER, "genre", TagKey.GENRE,
                "comment", TagKey.COMMENT, "copyright", TagKey.COPYRIGHT, "encoder", TagKey.ENCODER, "ASIN", TagKey.ASIN);
        keys.forEach((ffprobeKey, key) -> assertThat(tags.first(key)).as(ffprobeKey)
                .isEqualTo(Optional.ofNullable(expected.get(ffprobeKey))));
        // ffprobe calls ldes "synopsis" and desc "description"; the long one wins.
        assertThat(tags.first(TagKey.DESCRIPTION))
                .isEqualTo(Optional.ofNullable(expected.getOrDefault("synopsis", expected.get("description"))));
        assertThat(tags.first(TagKey.YEAR)).isEqualTo(Optional.ofNullable(expected.get("date")).map(d -> d.substring(0, 4)));
        assertThat(position(tags, TagKey.TRACK, TagKey.TRACK_TOTAL)).isEqualTo(Optional.ofNullable(expected.get("track")));
        assertThat(position(tags, TagKey.DISC, TagKey.DISC_TOTAL)).isEqualTo(Optional.ofNullable(expected.get("disc")));
    }

    private static Optional<String> position(Tags tags, TagKey number, TagKey total) {
        return tags.first(number).map(n -> n + tags.first(total).map(t -> "/" + t).orElse(""));
    }

    /** The cover is the picture ffprobe shows as the attached-picture stream, byte for byte where it lies. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void coverMatchesFfprobeAttachedPicture(String name) throws IOException, MediaException {
        Path file = Fixtures.path("mp4/" + name);
        Optional<CoverArt> cover = probe(file).mediaInfo().cover();
        List<Ffprobe.Packet> pictures = Ffprobe.videoPackets(file);
        assertThat(cover.isPresent()).isEqualTo(!pictures.isEmpty());
        if (cover.isPresent()) {
            assertThat(cover.get().location()).isEqualTo(new CoverArt.InFile(pictures.getFirst().pos()));
            assertThat(cover.get().sizeBytes()).isEqualTo(pictures.getFirst().size());
            try (FileByteSource source = FileByteSource.open(file)) {
                byte[] bytes = cover.get().read(source);
                assertThat(CoverArt.sniffMimeType(bytes, "?")).isEqualTo(cover.get().mimeType()).isIn("image/jpeg", "image/png");
            }
        }
    }

    static Mp4Probe probe(Path file) throws IOException, MediaException {
        try (FileByteSource source = FileByteSource.open(file)) {
            return Mp4Probe.run(source);
        }
    }

    /** ffprobe numbers the tracks in file order, leaving out the chapter text tracks it turns into chapters. */
    static int ffprobeStreamIndex(Mp4Probe probe) {
        Set<Integer> chapterTracks = probe.movie().tracks().stream().flatMap(t -> t.chapterTrackIds().stream())
                .collect(Collectors.toSet());
        int index = 0;
        for (Track t : probe.movie().tracks()) {
            if (t == probe.audio()) {
                return index;
            }
            if (!chapterTracks.contains(t.trackId())) {
                index++;
            }
        }
        throw new AssertionError("chosen track not in the movie");
    }

    /**
     * Every sample's offset, size and duration equal ffprobe's packet, and its time equals the packet's pts plus the
     * edit list's media time (ffprobe presents times on the edited timeline). Durations are compared where ffprobe
     * knows them.
     */
    static void assertSampleTableMatchesFfprobe(Path file, Mp4Probe probe) {
        assertSampleTableMatchesFfprobe(file, probe, true);
    }

    /**
     * As above; {@code lastDuration} false when the edit list runs past the media's end, where ffprobe stretches
     * the last packet to the edit's end.
     */
    static void assertSampleTableMatchesFfprobe(Path file, Mp4Probe probe, boolean lastDuration) {
        int stream = ffprobeStreamIndex(probe);
        List<Ffprobe.Packet> packets = Ffprobe.packets(file).stream().filter(p -> p.streamIndex() == stream).toList();
        SampleTable table = probe.audioTrack().sampleTable();
        long shift = probe.audio().editList().edits().stream().filter(e -> !e.empty()).findFirst()
                .map(EditList.Edit::mediaTime).orElse(0L);
        assertThat(table.frameCount()).as("samples").isEqualTo(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            Ffprobe.Packet p = packets.get(i);
            assertThat(table.frameOffset(i)).as("offset of sample %d", i).isEqualTo(p.pos());
            assertThat(table.frameSize(i)).as("size of sample %d", i).isEqualTo(p.size());
            assertThat(table.frameTime(i) - shift).as("time of sample %d", i).isEqualTo(p.pts());
            // ffprobe 5.1 shows N/A for the first packet of a fragmented file and the default duration of the
            // previous fragments for its last one (the last tfhd says 640, and ffprobe's stream duration agrees).
            boolean last = i == packets.size() - 1;
            if (p.duration() != Ffprobe.UNKNOWN && !(last && (probe.fragments() > 0 || !lastDuration))) {
                assertThat(table.frameDuration(i)).as("duration of sample %d", i).isEqualTo(p.duration());
            }
        }
    }
}
