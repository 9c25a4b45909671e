package org.cyprus.media.ogg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.media.flac.FixtureBytes.concat;
import static org.cyprus.media.flac.FixtureBytes.indexOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.TagKey;
import org.cyprus.media.flac.HostileInput;
import org.cyprus.media.flac.MediaInfoDump;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.FaultyByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OggProberTest {
    private static final String VORBIS = "ogg/vorbis-tags-chapters-picture.ogg";
    private static final String OPUS = "ogg/opus-tags-chapters.opus";
    private static final String FLAC = "ogg/flac-in-ogg.oga";
    private static final String MULTIPLEXED = "ogg/opus-vorbis-multiplexed.ogg";

    @ParameterizedTest
    @ValueSource(strings = {"vorbis-tags-chapters-picture.ogg", "opus-tags-chapters.opus", "flac-in-ogg.oga",
        "opus-vorbis-multiplexed.ogg"})
    void goldenDump(String name) throws Exception {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("ogg/" + name))) {
            GoldenFiles.assertMatches("ogg/" + name.replace('.', '-') + ".txt", OggDump.dump(source));
        }
    }

    @Test
    void vorbisWithTagsChaptersAndPicture() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(VORBIS));

        assertThat(info.format()).isEqualTo(ContainerFormat.OGG);
        assertThat(info.codec()).isEqualTo(Codec.VORBIS);
        assertThat(info.sampleRateHz()).isEqualTo(8000);
        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.durationUs()).isEqualTo(600_000).isEqualTo(info.gaplessDurationUs());
        assertThat(info.warnings()).isEmpty();
        assertThat(info.tags().first(TagKey.NARRATOR)).contains("Nora Narrator");
        assertThat(info.tags().first(TagKey.YEAR)).contains("2021");
        assertThat(info.tags().number(TagKey.TRACK)).hasValue(3);
        assertThat(info.tags().number(TagKey.TRACK_TOTAL)).hasValue(12);
        assertThat(info.tags().first(TagKey.SERIES_SEQUENCE)).contains("1");
        assertThat(info.tags().first(TagKey.PUBLISHER)).contains("Small Press");
        assertThat(info.chapters()).containsExactly(new Chapter("Intro", 0, 300_000), new Chapter("Main part", 300_000, 600_000));
        CoverArt cover = info.cover().orElseThrow();
        assertThat(cover.mimeType()).isEqualTo("image/png");
        assertThat(cover.location()).isInstanceOf(CoverArt.Inline.class);
        assertThat(cover.read(new ArrayByteSource(new byte[0]))).hasSize(96).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void opusDurationCountsPreSkipAsPriming() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(OPUS));

        assertThat(info.codec()).isEqualTo(Codec.OPUS);
        assertThat(info.codecDetail()).isEqualTo("Opus");
        assertThat(info.sampleRateHz()).isEqualTo(48_000);
        // last granule 29112, pre-skip 312 (both at 48 kHz)
        assertThat(info.durationUs()).isEqualTo(606_500);
        assertThat(info.gaplessDurationUs()).isEqualTo(600_000);
        assertThat(info.chapters()).containsExactly(new Chapter("Intro", 0, 300_000), new Chapter("Main part", 300_000, 600_000));
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void durationsAndChaptersAgreeWithFfprobe() throws Exception {
        for (String name : List.of(VORBIS, OPUS, FLAC)) {
            Path file = Fixtures.path(name);
            String[] stream = Tools.ffprobe("-select_streams", "a:0", "-show_entries", "stream=duration_ts,sample_rate",
                    "-of", "csv=p=0", file.toString()).strip().split(",");
            MediaInfo info = probe(Fixtures.bytes(name));
            assertThat(info.durationUs()).as(name).isEqualTo(Long.parseLong(stream[1]) * 1_000_000 / Long.parseLong(stream[0]));
        }
        // ffprobe ends the last chapter at its own idea of the duration; the starts and titles must agree.
        String chapters = Tools.ffprobe("-show_entries", "chapter=start_time:chapter_tags=title", "-of", "csv=p=0",
                Fixtures.path(OPUS).toString());
        assertThat(chapters.strip().lines()).containsExactly("0.000000,Intro", "0.300000,Main part");
    }

    @Test
    void longerFilesFromFfmpegAgreeWithFfprobe(@TempDir Path dir) throws Exception {
        Path opus = dir.resolve("speech.opus");
        Path vorbis = dir.resolve("speech.ogg");
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000:duration=21.7", "-ac", "2",
                "-c:a", "libopus", "-b:a", "32k", opus.toString());
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=13.3", "-c:a", "libvorbis",
                vorbis.toString());
        for (Path file : List.of(opus, vorbis)) {
            String[] stream = Tools.ffprobe("-show_entries", "stream=duration_ts,sample_rate,channels", "-of", "csv=p=0",
                    file.toString()).strip().split(",");
            try (FileByteSource source = FileByteSource.open(file)) {
                MediaInfo info = OggProber.probe(source);
                assertThat(info.sampleRateHz()).isEqualTo(Integer.parseInt(stream[0]));
                assertThat(info.channels()).isEqualTo(Integer.parseInt(stream[1]));
                assertThat(info.durationUs()).isEqualTo(Long.parseLong(stream[2]) * 1_000_000 / info.sampleRateHz());
                assertThat(info.warnings()).isEmpty();
                assertThat(info.audioEndByte()).isEqualTo(Files.size(file));
            }
        }
    }

    @Test
    void flacInOgg() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(FLAC));

        assertThat(info.format()).isEqualTo(ContainerFormat.OGG);
        assertThat(info.codec()).isEqualTo(Codec.FLAC);
        assertThat(info.codecDetail()).isEqualTo("FLAC 16-bit");
        assertThat(info.durationUs()).isEqualTo(300_000);
        assertThat(info.tags().first(TagKey.TITLE)).contains("Ogg FLAC");
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void multiplexedFileDescribesItsFirstAudioStream() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(MULTIPLEXED));

        assertThat(info.codec()).isEqualTo(Codec.OPUS);
        assertThat(info.durationUs()).isEqualTo(14_712 * 1_000_000L / 48_000);
        assertThat(info.warnings()).singleElement().asString().contains("multiplexed", "[Opus, Vorbis]");
    }

    @Test
    void chainedFileDescribesItsFirstStream() throws Exception {
        byte[] chained = concat(Fixtures.bytes(OPUS), OggBytes.withSerial(Fixtures.bytes(VORBIS), 7));

        MediaInfo info = probe(chained);

        assertThat(info.codec()).isEqualTo(Codec.OPUS);
        assertThat(info.durationUs()).isEqualTo(606_500);
        assertThat(info.audioEndByte()).isEqualTo(Fixtures.bytes(OPUS).length);
        assertThat(info.warnings()).singleElement().asString().contains("chained");
    }

    @Test
    void chainedFileWithALongSecondStreamIsBisected() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(Fixtures.bytes(OPUS));
        byte[] filler = new byte[4000];
        file.writeBytes(OggBytes.page(OggPage.BOS, 0, 9, 0, "unknown codec".getBytes()));
        for (int i = 1; file.size() < 5_000_000; i++) {
            file.writeBytes(OggBytes.page(0, i * 1000L, 9, i, filler));
        }

        MediaInfo info = probe(file.toByteArray());

        assertThat(info.durationUs()).isEqualTo(606_500);
        assertThat(info.audioEndByte()).isEqualTo(Fixtures.bytes(OPUS).length);
        assertThat(info.warnings()).singleElement().asString().contains("chained");
    }

    @Test
    void outputGainAndMappingFamilyAppearInTheCodecDetail() throws Exception {
        byte[] opus = Fixtures.bytes(OPUS);
        int head = 28; // OpusHead packet on the first page, after a 27-byte header and one lacing value
        ByteBuffer.wrap(opus).order(ByteOrder.LITTLE_ENDIAN).putShort(head + 16, (short) 384); // +1.5 dB in Q7.8
        OggBytes.fixCrcs(opus);

        assertThat(probe(opus).codecDetail()).isEqualTo("Opus, output gain +1.50 dB");
    }

    @Test
    void fileCutInsideItsLastPageEndsAtThePageBefore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.ogg");
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=22050:duration=5", "-c:a", "libvorbis", file.toString());
        byte[] vorbis = Files.readAllBytes(file);
        List<Integer> pages = OggBytes.pageOffsets(vorbis);
        int lastPage = pages.getLast();
        long previousGranule = ByteBuffer.wrap(vorbis).order(ByteOrder.LITTLE_ENDIAN).getLong(pages.get(pages.size() - 2) + 6);

        MediaInfo info = probe(Arrays.copyOf(vorbis, lastPage + 40));

        assertThat(info.audioEndByte()).isEqualTo(lastPage);
        assertThat(info.durationUs()).isEqualTo(previousGranule * 1_000_000 / 22_050).isLessThan(5_000_000);
        assertThat(info.warnings()).singleElement().asString().contains("40 bytes after the last complete Ogg page");
    }

    @Test
    void pageWithABadCrcInTheHeadersIsUsedWithAWarning() throws Exception {
        byte[] vorbis = Fixtures.bytes(VORBIS);
        vorbis[indexOf(vorbis, "Ann Author".getBytes())] = 'E';

        MediaInfo info = probe(vorbis);

        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.warnings()).singleElement().asString().contains("1 Ogg header pages fail their CRC");
    }

    @Test
    void commentWithAHugeFieldCountKeepsWhatIsThere() throws Exception {
        byte[] opus = Fixtures.bytes(OPUS);
        int vendorLength = indexOf(opus, "OpusTags".getBytes()) + 8;
        int vendor = ByteBuffer.wrap(opus).order(ByteOrder.LITTLE_ENDIAN).getInt(vendorLength);
        ByteBuffer.wrap(opus).order(ByteOrder.LITTLE_ENDIAN).putInt(vendorLength + 4 + vendor, 0x7FFF_FFFF);
        OggBytes.fixCrcs(opus);

        MediaInfo info = probe(opus);

        assertThat(info.tags().first(TagKey.TITLE)).contains("The Tiny Book");
        assertThat(info.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("Vorbis comment"));
    }

    @Test
    void rejectsWhatIsNotReadableOgg() {
        assertError(new byte[0], MediaError.UNRECOGNIZED);
        assertError("RIFF....WAVEfmt ".getBytes(), MediaError.UNRECOGNIZED);
        assertError(Arrays.copyOf(Fixtures.bytes(VORBIS), 20), MediaError.TRUNCATED);
        assertError(Arrays.copyOf(Fixtures.bytes(VORBIS), 200), MediaError.TRUNCATED);
        assertError(OggBytes.page(OggPage.BOS, 0, 1, 0, "Speex   version 1.2 and more".getBytes()), MediaError.UNSUPPORTED);
        assertError(concat(OggBytes.page(OggPage.BOS, 0, 1, 0, "\u0080theora and more".getBytes()),
                OggBytes.page(0, 0, 1, 1, new byte[10])), MediaError.NO_AUDIO);
        assertError(OggBytes.page(0, 0, 1, 0, new byte[10]), MediaError.CORRUPT);
        byte[] opusHead = concat("OpusHead".getBytes(), new byte[11]);
        opusHead[8] = 16; // version 16: major version 1
        opusHead[9] = 1;
        assertError(OggBytes.page(OggPage.BOS, 0, 1, 0, opusHead), MediaError.UNSUPPORTED);
    }

    @Test
    void survivesEveryTruncation() {
        for (String name : List.of(VORBIS, OPUS)) {
            HostileInput.Outcome outcome = HostileInput.everyTruncation(Fixtures.bytes(name), OggProber::probe);
            assertThat(outcome.results()).as(name).isPositive();
        }
    }

    @Test
    void survivesRandomByteFlips() {
        assertThat(HostileInput.randomFlips(Fixtures.bytes(VORBIS), 11, 3000, OggProber::probe).results()).isGreaterThan(1000);
        assertThat(HostileInput.randomFlips(Fixtures.bytes(OPUS), 12, 1000, OggProber::probe).results()).isGreaterThan(300);
        assertThat(HostileInput.randomFlips(Fixtures.bytes(FLAC), 13, 1000, OggProber::probe).results()).isGreaterThan(300);
        assertThat(HostileInput.randomFlips(Fixtures.bytes(MULTIPLEXED), 14, 1000, OggProber::probe).results()).isGreaterThan(300);
    }

    @Test
    void shortReadsGiveTheSameResultAndReadErrorsSurfaceAsIoExceptions() throws Exception {
        byte[] vorbis = Fixtures.bytes(VORBIS);

        MediaInfo dribbled = OggProber.probe(new FaultyByteSource(vorbis, 5, -1));

        assertThat(MediaInfoDump.format(dribbled)).isEqualTo(MediaInfoDump.format(probe(vorbis)));
        assertThatThrownBy(() -> OggProber.probe(new FaultyByteSource(vorbis, 4096, vorbis.length - 10)))
                .isInstanceOf(IOException.class);
        assertThat(OggProber.looksLikeOgg(new ArrayByteSource(vorbis), 0)).isTrue();
        assertThat(OggProber.looksLikeOgg(new ArrayByteSource(vorbis), 1)).isFalse();
    }

    private static MediaInfo probe(byte[] bytes) throws IOException, MediaException {
        return OggProber.probe(new ArrayByteSource(bytes));
    }

    private static void assertError(byte[] bytes, MediaError error) {
        assertThatThrownBy(() -> probe(bytes)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }
}
