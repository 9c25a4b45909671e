package org.cyprus.media.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cyprus.media.Chapter;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.testing.FaultyByteSource;
import org.cyprus.media.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input: whatever the bytes, probing ends with a result, a {@link MediaException} or an {@link IOException},
 * never anything else, and never hangs or allocates what the file merely claims.
 */
class Mp4HostileTest {

    @ParameterizedTest
    @ValueSource(strings = {Mp4Crafts.MOOV_LAST, Mp4Crafts.FASTSTART, Mp4Crafts.FRAGMENTED, Mp4Crafts.PNG_COVER,
            "mp4/quicktime-sound-v2-96k.mov", "mp4/tags-atomicparsley-gnre-speech.m4b"})
    void truncationAtEveryLengthFailsCleanly(String fixture) {
        byte[] whole = Fixtures.bytes(fixture);
        int results = 0;
        for (int length = 0; length <= whole.length; length++) {
            if (probeSafely(Arrays.copyOf(whole, length), fixture + " cut at " + length) != null) {
                results++;
            }
        }
        assertThat(results).as("lengths that still probe").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {Mp4Crafts.MOOV_LAST, Mp4Crafts.FASTSTART, Mp4Crafts.FRAGMENTED, Mp4Crafts.JPEG_COVER,
            "mp4/quicktime-sound-v1-wave.mov", "mp4/tags-atomicparsley-gnre-speech.m4b", "mp4/alac-16bit.m4a",
            "mp4/two-audio-tracks-first-disabled.m4a"})
    void randomByteFlipsFailCleanly(String fixture) {
        byte[] whole = Fixtures.bytes(fixture);
        Random random = new Random(fixture.hashCode());
        for (int round = 0; round < 1500; round++) {
            byte[] bytes = whole.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int at = random.nextInt(bytes.length);
                bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ (1 << random.nextInt(8)));
            }
            probeSafely(bytes, fixture + " round " + round);
        }
    }

    /** Flips only inside moov, where every byte is structure: many more of them must be caught. */
    @Test
    void randomFlipsInsideMoovFailCleanly() {
        byte[] whole = Fixtures.bytes(Mp4Crafts.MOOV_LAST);
        int moov = 4633;
        Random random = new Random(99);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = whole.clone();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                int at = moov + random.nextInt(whole.length - moov);
                bytes[at] = (byte) random.nextInt(256);
            }
            probeSafely(bytes, "moov round " + round);
        }
    }

    @Test
    void shortReadsGiveTheSameResult() throws IOException, MediaException {
        for (String fixture : List.of(Mp4Crafts.MOOV_LAST, Mp4Crafts.FRAGMENTED, Mp4Crafts.PNG_COVER)) {
            byte[] bytes = Fixtures.bytes(fixture);
            String expected = Mp4Dump.of(new ArrayByteSource(bytes));
            for (int max : new int[] {1, 3, 7, 100}) {
                assertThat(Mp4Dump.of(new FaultyByteSource(bytes, max, -1))).as("%s, reads of %d", fixture, max)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void ioErrorsSurfaceAsIoExceptions() {
        byte[] bytes = Fixtures.bytes(Mp4Crafts.MOOV_LAST);
        int failures = 0;
        for (int at = 0; at < bytes.length; at += 7) {
            try {
                Mp4Prober.probe(new FaultyByteSource(bytes, 64, at));
            } catch (IOException e) {
                failures++;
            } catch (MediaException e) {
                fail("an I/O error at " + at + " became " + e);
            } catch (RuntimeException e) {
                throw new AssertionError("I/O error at " + at, e);
            }
        }
        assertThat(failures).isGreaterThan(100);
    }

    @Test
    void hugeCountsInTinyBoxesAreCorruptNotAllocations() throws IOException {
        String stbl = "moov/trak/mdia/minf/stbl/";
        List<byte[]> cases = List.of(
                replace(stbl + "stsz", Bytes.of().u32(0).u32(0).u32(0xFFFFFFF0L).array()),
                replace(stbl + "stts", Bytes.of().u32(0).u32(0x7FFFFFFF).u32(1).u32(1024).array()),
                replace(stbl + "stco", Bytes.of().u32(0).u32(0xFFFFFFFFL).u32(118).array()),
                replace(stbl + "stsc", Bytes.of().u32(0).u32(0x10000000).u32(1).u32(17).u32(1).array()));
        for (byte[] bytes : cases) {
            assertThatThrownBy(() -> Mp4Prober.probe(new ArrayByteSource(bytes))).isInstanceOfSatisfying(
                    MediaException.class, e -> assertThat(e.error()).isEqualTo(MediaError.CORRUPT));
        }
    }

    @Test
    void anUnreadableEsdsLeavesAacWithoutDetails() throws IOException, MediaException {
        MediaInfo info = Mp4Prober.probe(new ArrayByteSource(replace("moov/trak/mdia/minf/stbl/stsd/mp4a/esds",
                Bytes.of().u32(0).u8(0x09).u8(3).zeros(3).array())));
        assertThat(info.codec()).isEqualTo(org.cyprus.media.Codec.AAC);
        assertThat(info.codecDetail()).isEqualTo("AAC");
        assertThat(info.channels()).as("the sample entry's count").isEqualTo(2);
        assertThat(info.durationUs()).isEqualTo(2_128_000);
        assertThat(info.warnings()).anySatisfy(w -> assertThat(w).contains("esds", "unreadable"));
    }

    @Test
    void anEmptySampleDescriptionLeavesTheCodecUnknown() throws IOException, MediaException {
        MediaInfo info = Mp4Prober.probe(new ArrayByteSource(replace("moov/trak/mdia/minf/stbl/stsd",
                Bytes.of().u32(0).u32(0xFFFFFFFFL).array())));
        assertThat(info.codec()).isEqualTo(org.cyprus.media.Codec.UNKNOWN);
        assertThat(info.durationUs()).isEqualTo(2_128_000);
        assertThat(info.warnings()).anySatisfy(w -> assertThat(w).contains("stsd", "4294967295"))
                .anySatisfy(w -> assertThat(w).contains("no audio sample description"));
    }

    @Test
    void hugeCountsWhereTheRestIsOptionalAreCutWithAWarning() throws IOException, MediaException {
        MediaInfo chpl = Mp4Prober.probe(new ArrayByteSource(replace("moov/udta/chpl",
                Bytes.of().u32(0x01000000).u8(0).u32(0xFFFFFFFFL).u64(0).u8(2).utf8("Hi").array())));
        assertThat(chpl.chapters()).extracting(Chapter::title).containsExactly("Opening", "Middle – ünïcödé", "End");
        assertThat(chpl.warnings()).anySatisfy(w -> assertThat(w).contains("chpl", "4294967295", "holds 1"));
        MediaInfo elst = Mp4Prober.probe(new ArrayByteSource(replace("moov/trak/edts/elst",
                Bytes.of().u32(0).u32(0xFFFFFFFFL).u32(2000).u32(1024).u32(0x10000).array())));
        assertThat(elst.gaplessDurationUs()).isEqualTo(2_000_000);
        assertThat(elst.warnings()).singleElement().asString().contains("elst");
    }

    @Test
    void aFragmentOfCountlessSizelessSamplesIsSkipped() throws IOException, MediaException {
        Mp4Surgery s = Mp4Crafts.open(Mp4Crafts.FRAGMENTED);
        s.find("moof/traf/trun").head = Bytes.of().u32(0).u32(0xFFFFFFFFL).array();
        s.find("moof/traf/tfhd").head = Bytes.of().u32(0x020000).u32(1).array();
        MediaInfo info = Mp4Prober.probe(new ArrayByteSource(s.bytes()));
        assertThat(info.warnings()).anySatisfy(w -> assertThat(w).contains("without sizes"));
        assertThat(((SampleTable) info.seekIndex()).frameCount()).isEqualTo(13);
    }

    @Test
    void zeroTimescaleOrNoTrackIsAnError() {
        byte[] zeroTimescale = Mp4Crafts.open(Mp4Crafts.MOOV_LAST).bytes();
        Mp4Surgery s = Mp4Surgery.parse(zeroTimescale);
        Arrays.fill(s.find("moov/trak/mdia/mdhd").head, 12, 16, (byte) 0);
        assertError(s.bytes(), MediaError.CORRUPT);
        assertError(Mp4Crafts.open(Mp4Crafts.MOOV_LAST).remove("moov/trak").remove("moov/trak").bytes(), MediaError.NO_AUDIO);
        assertError(Bytes.box("ftyp", Bytes.of().fourCc("M4A ").u32(0).array()), MediaError.CORRUPT);
        assertError(new byte[0], MediaError.EMPTY);
        assertError("ID3\u0004\0\0\0\0\0\0".getBytes(), MediaError.UNRECOGNIZED);
    }

    @Test
    void samplesThatAllLiePastTheEndAreNoAudio() throws IOException {
        Mp4Surgery s = Mp4Crafts.open(Mp4Crafts.MOOV_LAST);
        java.nio.ByteBuffer.wrap(s.find("moov/trak/mdia/minf/stbl/stco").head).putInt(8, 1_000_000);
        assertError(s.bytes(), MediaError.NO_AUDIO);
    }

    @Test
    void sniffsOnlyPlausibleFirstBoxes() throws IOException {
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(Fixtures.bytes(Mp4Crafts.MOOV_LAST)))).isTrue();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(Bytes.of().u32(0).fourCc("mdat").array()))).isTrue();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(Bytes.of().u32(1).fourCc("moov").u64(16).array()))).isTrue();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(Bytes.of().u32(8).fourCc("wide").array()))).isTrue();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(Bytes.of().u32(4).fourCc("ftyp").array()))).isFalse();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(Bytes.of().u32(8).fourCc("RIFF").array()))).isFalse();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource("ID3\u0004\0\0\0\0\0\0".getBytes()))).isFalse();
        assertThat(Mp4Prober.looksLikeMp4(new ArrayByteSource(new byte[7]))).isFalse();
    }

    /** The fixture with the box at {@code path} holding just {@code content} (children dropped). */
    private static byte[] replace(String path, byte[] content) {
        Mp4Surgery s = Mp4Crafts.open(Mp4Crafts.MOOV_LAST);
        Mp4Surgery.Node node = s.find(path);
        node.head = content;
        if (node.children != null) {
            node.children.clear();
        }
        return s.bytes();
    }

    private static void assertError(byte[] bytes, MediaError error) {
        assertThatThrownBy(() -> Mp4Prober.probe(new ArrayByteSource(bytes))).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }

    /** Probes and exercises the result; any exception but MediaException and IOException fails with {@code label}. */
    static MediaInfo probeSafely(byte[] bytes, String label) {
        try (ByteSource source = new ArrayByteSource(bytes)) {
            MediaInfo info = Mp4Probe.run(source).mediaInfo();
            exercise(info, source);
            return info;
        } catch (MediaException | IOException e) {
            return null;
        } catch (Throwable e) {
            throw new AssertionError(label + ": " + e, e);
        }
    }

    private static void exercise(MediaInfo info, ByteSource source) throws IOException {
        SampleTable table = (SampleTable) info.seekIndex();
        assertThat(table.frameCount()).isPositive();
        for (int i = 0; i < table.frameCount(); i++) {
            long end = table.frameOffset(i) + table.frameSize(i);
            assertThat(end).isLessThanOrEqualTo(source.size());
            table.frameTime(i);
            table.frameDuration(i);
        }
        for (long us : new long[] {Long.MIN_VALUE, -1, 0, 1, 500_000, info.durationUs(), Long.MAX_VALUE}) {
            table.seek(us);
        }
        for (long offset : new long[] {Long.MIN_VALUE, 0, info.audioStartByte(), info.audioEndByte(), Long.MAX_VALUE}) {
            table.timeAt(offset);
        }
        assertThat(info.gaplessDurationUs()).isBetween(0L, info.durationUs());
        if (info.cover().isPresent()) {
            try {
                info.cover().get().read(source);
            } catch (MediaException e) {
                // a cover cut off by the end of the file
            }
        }
    }
}
