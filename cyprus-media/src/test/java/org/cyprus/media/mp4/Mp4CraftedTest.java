package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.TagKey;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge cases made by rewriting the boxes of real fixtures ({@link Mp4Crafts}): each is probed from a file, dumped
 * where the structure is the point, and cross-checked with ffprobe where ffprobe has an opinion.
 */
class Mp4CraftedTest {
    @TempDir
    Path dir;

    private record Crafted(Path file, Mp4Probe probe) {
        MediaInfo info() {
            return probe.mediaInfo();
        }
    }

    private Crafted craft(String name, byte[] bytes) throws IOException, MediaException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        try (FileByteSource source = FileByteSource.open(file)) {
            return new Crafted(file, Mp4Probe.run(source));
        }
    }

    private static void golden(String name, Crafted crafted) throws IOException, MediaException {
        try (FileByteSource source = FileByteSource.open(crafted.file())) {
            GoldenFiles.assertMatches("mp4/crafted-" + name + ".txt", Mp4Dump.of(source));
        }
    }

    private static MediaInfo original(String fixture) throws IOException, MediaException {
        return Mp4FixturesTest.probe(Fixtures.path(fixture)).mediaInfo();
    }

    @Test
    void co64AndA64BitMdatSizeGiveTheSameSamples() throws IOException, MediaException {
        for (String fixture : List.of(Mp4Crafts.MOOV_LAST, Mp4Crafts.FASTSTART)) {
            Crafted c = craft("co64.m4b", Mp4Crafts.co64AndLargeMdat(fixture));
            assertThat(c.probe().topLevel()).filteredOn(b -> b.type() == BoxType.MDAT).singleElement()
                    .extracting(Box::headerBytes).isEqualTo(16);
            Mp4FixturesTest.assertSampleTableMatchesFfprobe(c.file(), c.probe());
            assertThat(c.info().chapters()).isEqualTo(original(fixture).chapters());
            assertThat(c.info().durationUs()).isEqualTo(original(fixture).durationUs());
        }
        golden("co64-large-mdat-faststart", craft("co64.m4b", Mp4Crafts.co64AndLargeMdat(Mp4Crafts.FASTSTART)));
    }

    @Test
    void freeSkipWideAndUuidBoxesAreSkipped() throws IOException, MediaException {
        Crafted c = craft("junk.m4b", Mp4Crafts.junkBoxesEverywhere(Mp4Crafts.MOOV_LAST));
        Mp4FixturesTest.assertSampleTableMatchesFfprobe(c.file(), c.probe());
        MediaInfo original = original(Mp4Crafts.MOOV_LAST);
        assertThat(c.info().tags()).isEqualTo(original.tags());
        assertThat(c.info().chapters()).isEqualTo(original.chapters());
        assertThat(c.info().warnings()).isEmpty();
        golden("junk-boxes-everywhere", c);
    }

    @Test
    void nerOnlyChaptersMatchFfprobe() throws IOException, MediaException {
        Crafted c = craft("chpl.m4b", Mp4Crafts.chplOnly(Mp4Crafts.MOOV_LAST));
        assertThat(c.probe().chapterSources().source()).isEqualTo("chpl");
        assertThat(c.info().chapters()).extracting(Chapter::title).containsExactly("Opening", "Middle – ünïcödé", "End");
        assertThat(c.info().chapters()).isEqualTo(original(Mp4Crafts.MOOV_LAST).chapters());
        assertThat(c.info().chapters()).map(ch -> new Ffprobe.FfChapter(ch.startUs(), ch.endUs(), ch.title()))
                .isEqualTo(Ffprobe.chapters(c.file()));
        assertThat(c.info().warnings()).isEmpty();
        golden("chapters-chpl-only", c);
    }

    @Test
    void textTrackTitlesWinOverNeroTitles() throws IOException, MediaException {
        Crafted c = craft("both.m4b", Mp4Crafts.chplWithOtherTitles(Mp4Crafts.MOOV_LAST));
        assertThat(c.info().chapters()).extracting(Chapter::title).containsExactly("Opening", "Middle – ünïcödé", "End");
        assertThat(c.probe().chapterSources().source()).isEqualTo("text track 2");
    }

    @Test
    void nerChaptersPastTheEndAreClampedAndEmptyTitlesKept() throws IOException, MediaException {
        Mp4Surgery s = Mp4Crafts.open(Mp4Crafts.MOOV_LAST);
        s.remove("moov/trak[1]").remove("moov/trak/tref");
        s.find("moov/udta/chpl").head = Mp4Crafts.chpl(0, new long[] {5_000_000, 0, 90_000_000}, "Second", "", "Late");
        Crafted c = craft("late.m4b", s.bytes());
        assertThat(c.info().chapters()).containsExactly(
                new Chapter("", 0, 500_000),
                new Chapter("Second", 500_000, 2_000_000),
                new Chapter("Late", 2_000_000, 2_000_000));
        assertThat(c.info().warnings()).anySatisfy(w -> assertThat(w).contains("not in time order"))
                .anySatisfy(w -> assertThat(w).contains("clamped"));
    }

    @Test
    void aDanglingChapterReferenceFallsBackOnNeroChapters() throws IOException, MediaException {
        Crafted c = craft("dangling.m4b", Mp4Crafts.danglingChapterReference(Mp4Crafts.MOOV_LAST));
        assertThat(c.probe().chapterSources().source()).isEqualTo("chpl");
        assertThat(c.info().chapters()).hasSize(3);
        assertThat(c.info().warnings()).singleElement().asString().contains("track 2", "no such track");
    }

    @Test
    void anUnreadableChapterTrackFallsBackOnNeroChapters() throws IOException, MediaException {
        Crafted c = craft("broken-text.m4b", Mp4Crafts.open(Mp4Crafts.MOOV_LAST)
                .remove("moov/trak[1]/mdia/minf/stbl/stco").bytes());
        assertThat(c.probe().chapterSources().source()).isEqualTo("chpl");
        assertThat(c.info().chapters()).hasSize(3);
        assertThat(c.info().warnings()).singleElement().asString().contains("chapter track 2 unreadable");
    }

    @Test
    void utf16ChapterTitlesAreDecoded() throws IOException, MediaException {
        byte[] bytes = Fixtures.bytes("mp4/chapters-text-track-only.m4b");
        Mp4Probe probe = Mp4FixturesTest.probe(Fixtures.path("mp4/chapters-text-track-only.m4b"));
        Track text = probe.movie().track(2).orElseThrow();
        SampleTableBuilder builder = new SampleTableBuilder(text.media().timescale());
        try (var source = new org.cyprus.media.io.ArrayByteSource(bytes)) {
            SampleTableAssembler.assemble(new BoxWalker(source, new Warnings()), text.stbl().orElseThrow(), builder, "text");
        }
        SampleTable samples = builder.build();
        int at = (int) samples.frameOffset(0);
        byte[] title = "\uFEFFOpen".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        assertThat(2 + title.length).isLessThanOrEqualTo(samples.frameSize(0));
        bytes[at] = 0;
        bytes[at + 1] = (byte) title.length;
        System.arraycopy(title, 0, bytes, at + 2, title.length);
        Crafted c = craft("utf16.m4b", bytes);
        assertThat(c.info().chapters().getFirst().title()).isEqualTo("Open");
    }

    @Test
    void quickTimeStyleMetaHasNoVersionAndFlags() throws IOException, MediaException {
        Crafted c = craft("qt-meta.m4b", Mp4Crafts.quickTimeMeta(Mp4Crafts.MOOV_LAST));
        assertThat(c.info().tags()).isEqualTo(original(Mp4Crafts.MOOV_LAST).tags());
    }

    @Test
    void readsNarratorSeriesFreeformItemsUtf16AndTheFirstOfTwoCovers() throws IOException, MediaException {
        Crafted c = craft("rich.m4b", Mp4Crafts.richIlst(Mp4Crafts.MOOV_LAST, " 00000000 00000400 00000180 0000000000003D00"));
        Map<TagKey, List<String>> tags = c.info().tags().asMap();
        assertThat(tags).containsEntry(TagKey.TITLE, List.of("Tïtle in UTF-16"))
                .containsEntry(TagKey.NARRATOR, List.of("Narrator Name"))
                .containsEntry(TagKey.SERIES, List.of("Series Name"))
                .containsEntry(TagKey.SERIES_SEQUENCE, List.of("4", "4.5"))
                .containsEntry(TagKey.DESCRIPTION, List.of("Only the short description"))
                .containsEntry(TagKey.YEAR, List.of("2020"))
                .containsEntry(TagKey.RELEASE_DATE, List.of("2020-05-06T07:08:09Z"))
                .containsEntry(TagKey.GENRE, List.of("Audiobook"))
                .containsEntry(TagKey.SUBTITLE, List.of("A Subtitle"))
                .containsEntry(TagKey.LANGUAGE, List.of("en"))
                .containsEntry(TagKey.PUBLISHER, List.of("Publisher House"))
                .containsEntry(TagKey.ISBN, List.of("9780000000001"));
        assertThat(c.info().cover()).hasValueSatisfying(cover -> assertThat(cover.mimeType()).isEqualTo("image/png"));
        try (FileByteSource source = FileByteSource.open(c.file())) {
            assertThat(c.info().cover().orElseThrow().read(source)).isEqualTo(Mp4Crafts.coverOf(Mp4Crafts.PNG_COVER));
        }
        // iTunSMPB: 1024 samples of delay and 384 of padding out of 17024.
        assertThat(c.probe().trim().source()).isEqualTo("iTunSMPB");
        assertThat(c.probe().audioTrack().primingSamples()).isEqualTo(1024);
        assertThat(c.probe().audioTrack().paddingSamples()).isEqualTo(384);
        assertThat(c.info().gaplessDurationUs()).isEqualTo((17024 - 1024 - 384) * 125L);
        golden("ilst-rich-items-itunsmpb", c);
    }

    @Test
    void malformedOrExcessiveItunSmpbFallsBackOnTheEditList() throws IOException, MediaException {
        for (String smpb : List.of("garbage", " 00000000 00010000 00010000 0000000000000000")) {
            Crafted c = craft("smpb.m4b", Mp4Crafts.richIlst(Mp4Crafts.MOOV_LAST, smpb));
            assertThat(c.probe().trim().source()).isEqualTo("elst");
            assertThat(c.info().gaplessDurationUs()).isEqualTo(2_000_000);
            assertThat(c.info().warnings()).singleElement().asString().contains("iTunSMPB");
        }
    }

    @Test
    void editListPrimingOf2112Samples() throws IOException, MediaException {
        Crafted c = craft("elst2112.m4b", Mp4Crafts.withEditMediaTime(Mp4Crafts.MOOV_LAST, 2112));
        assertThat(c.probe().audioTrack().primingSamples()).isEqualTo(2112);
        assertThat(c.probe().audioTrack().paddingSamples()).isZero();
        assertThat(c.info().gaplessDurationUs()).isEqualTo((17024 - 2112) * 125L);
        assertThat(c.info().durationUs()).isEqualTo(17024 * 125L);
        // The edit (2112 + 2 s) ends past the media (17024): ffprobe stretches the last packet to 1728.
        Mp4FixturesTest.assertSampleTableMatchesFfprobe(c.file(), c.probe(), false);
    }

    /**
     * The AudioSpecificConfig decides the reported profile, rate and channels. ffprobe cannot cross-check these (it
     * decodes the LC frames and believes them); MediaInfo 22.12 ({@code mediainfo --Inform="Audio;%Format_AdditionalFeatures%
     * %SamplingRate% %Channels%"}, Debian package {@code mediainfo}), which reads the esds only, reported for the
     * same crafted files during development: "LC SBR 44100 2", "LC SBR PS 44100 2", "LC SBR 16000 1" and
     * "LC SBR PS 44100 2", as asserted here.
     */
    @Test
    void heAacConfigurationsGiveTheOutputRateAndChannels() throws IOException, MediaException {
        record Case(byte[] asc, String detail, int rateHz, int channels) {
        }
        List<Case> cases = List.of(
                new Case(AudioSpecificConfigTest.bits("00101", "0111", "0010", "0100", "00010", "000"), "HE-AAC", 44100, 2),
                new Case(AudioSpecificConfigTest.bits("11101", "0111", "0001", "0100", "00010", "000"), "HE-AACv2", 44100, 2),
                new Case(AudioSpecificConfigTest.bits("00101", "1011", "0001", "1000", "00010", "000"), "HE-AAC", 16000, 1),
                new Case(AudioSpecificConfigTest.bits("00010", "0111", "0001", "000", "01010110111", "00101", "1", "0100",
                        "10101001000", "1"), "HE-AACv2", 44100, 2),
                new Case(AudioSpecificConfigTest.bits("00010", "0111", "0001", "000"), "AAC LC", 22050, 1));
        for (Case k : cases) {
            Crafted c = craft("he.m4a", Mp4Crafts.withAudioSpecificConfig(Mp4Crafts.MOOV_LAST, k.asc()));
            String label = Mp4Dump.hex(k.asc());
            assertThat(c.info().codecDetail()).as(label).isEqualTo(k.detail());
            assertThat(c.info().sampleRateHz()).as(label).isEqualTo(k.rateHz());
            assertThat(c.info().channels()).as(label).isEqualTo(k.channels());
            assertThat(c.probe().audioTrack().audioSpecificConfig().raw()).isEqualTo(k.asc());
            assertThat(c.info().warnings()).isEmpty();
        }
    }

    @Test
    void noEnabledAudioTrackMeansTheFirstWithAWarning() throws IOException, MediaException {
        Crafted c = craft("none-enabled.m4a", Mp4Crafts.noTrackEnabled(Mp4Crafts.TWO_TRACKS));
        assertThat(c.probe().audioTrack().trackId()).isEqualTo(1);
        assertThat(c.info().warnings()).singleElement().asString().contains("none is enabled");
        assertThat(c.info().durationUs()).isEqualTo(9024 * 125L);
    }

    @Test
    void compactSizesAndManyChunks() throws IOException, MediaException {
        Crafted c = craft("stz2.m4b", Mp4Crafts.stz2AndSmallChunks(Mp4Crafts.MOOV_LAST, 5));
        assertThat(c.probe().audioTrack().sampleTable().chunkCount()).isEqualTo(4);
        Mp4FixturesTest.assertSampleTableMatchesFfprobe(c.file(), c.probe());
        golden("stz2-chunks-of-5", c);
    }

    @Test
    void version1HeadersAreRead() throws IOException, MediaException {
        Crafted c = craft("v1.m4b", Mp4Crafts.version1Headers(Mp4Crafts.MOOV_LAST));
        assertThat(c.probe().movie().header().version()).isEqualTo(1);
        assertThat(c.probe().audio().media().version()).isEqualTo(1);
        assertThat(c.probe().audio().header().version()).isEqualTo(1);
        MediaInfo original = original(Mp4Crafts.MOOV_LAST);
        assertThat(c.info().gaplessDurationUs()).isEqualTo(original.gaplessDurationUs());
        assertThat(c.info().chapters()).isEqualTo(original.chapters());
        Mp4FixturesTest.assertSampleTableMatchesFfprobe(c.file(), c.probe());
    }

    @Test
    void aTruncatedMdatKeepsTheSamplesThatAreThere() throws IOException, MediaException {
        byte[] whole = Fixtures.bytes(Mp4Crafts.FASTSTART);
        Crafted c = craft("cut-mdat.m4b", Arrays.copyOf(whole, whole.length - 1000));
        SampleTable table = c.probe().audioTrack().sampleTable();
        assertThat(table.frameCount()).isLessThan(17).isGreaterThan(10);
        int last = table.frameCount() - 1;
        assertThat(table.frameOffset(last) + table.frameSize(last)).isLessThanOrEqualTo(whole.length - 1000);
        assertThat(table.frameOffset(last) + table.frameSize(last) + table.frameSize(last)).isGreaterThan(whole.length - 1000);
        assertThat(c.info().warnings()).anySatisfy(w -> assertThat(w).contains("mdat", "truncated"))
                .anySatisfy(w -> assertThat(w).contains("dropped"));
        assertThat(c.info().chapters()).hasSize(3);
        golden("truncated-mdat", c);
    }

    @Test
    void aMoovCutInItsMetadataStillPlays() throws IOException, MediaException {
        byte[] whole = Fixtures.bytes(Mp4Crafts.MOOV_LAST);
        Crafted c = craft("cut-moov.m4b", Arrays.copyOf(whole, 6040)); // inside ©ART (6027..6062), after ©nam
        assertThat(c.info().codec()).isEqualTo(Codec.AAC);
        assertThat(c.info().durationUs()).isEqualTo(2_128_000);
        assertThat(c.info().tags().first(TagKey.TITLE)).contains("Tiny Book");
        assertThat(c.info().tags().first(TagKey.ARTIST)).isEmpty();
        assertThat(c.info().warnings()).first().asString().contains("moov", "truncated");
        golden("truncated-moov-in-ilst", c);
    }

    @Test
    void aMoovCutInTheSampleTableIsTruncated() {
        byte[] whole = Fixtures.bytes(Mp4Crafts.MOOV_LAST);
        assertThatThrownBy(() -> craft("cut-stbl.m4b", Arrays.copyOf(whole, 5250)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.TRUNCATED));
        assertThatThrownBy(() -> craft("no-moov.m4b", Arrays.copyOf(whole, 4600)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.TRUNCATED));
    }

    @Test
    void fragmentDefaultsComeFromTrexAndDataFromTheMoof() throws IOException, MediaException {
        MediaInfo original = original(Mp4Crafts.FRAGMENTED);
        SampleTable expected = (SampleTable) original.seekIndex();
        for (boolean defaultBaseIsMoof : new boolean[] {true, false}) {
            Crafted c = craft("trex.m4a", Mp4Crafts.fragmentDefaultsFromTrex(defaultBaseIsMoof, 1024));
            SampleTable table = c.probe().audioTrack().sampleTable();
            assertThat(table.frameCount()).isEqualTo(17);
            // The data moved up by the 12 bytes each tfhd lost; sizes stay; every duration is now trex's 1024.
            for (int i = 0; i < 17; i++) {
                int fragment = i < 4 ? 1 : i < 8 ? 2 : i < 12 ? 3 : i < 16 ? 4 : 5;
                assertThat(table.frameOffset(i)).isEqualTo(expected.frameOffset(i) - 12L * fragment);
                assertThat(table.frameSize(i)).isEqualTo(expected.frameSize(i));
                assertThat(table.frameDuration(i)).isEqualTo(1024);
            }
            assertThat(table.totalDuration()).isEqualTo(17 * 1024);
            Mp4FixturesTest.assertSampleTableMatchesFfprobe(c.file(), c.probe());
        }
    }

    @Test
    void aTruncatedFragmentedFileKeepsTheWholeFragments() throws IOException, MediaException {
        byte[] whole = Fixtures.bytes(Mp4Crafts.FRAGMENTED);
        Crafted c = craft("cut-frag.m4a", Arrays.copyOf(whole, 4400));
        assertThat(c.probe().audioTrack().sampleTable().frameCount()).isEqualTo(12);
        assertThat(c.info().warnings()).anySatisfy(w -> assertThat(w).contains("past the end of the file"));
    }
}
