package org.cyprus.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.media.flac.FixtureBytes.concat;
import static org.cyprus.media.wav.WavBytes.chunk;
import static org.cyprus.media.wav.WavBytes.fmt;
import static org.cyprus.media.wav.WavBytes.riff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.SeekPoint;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavProberTest {
    private static final List<String> FIXTURES = List.of("pcm16-mono-list-info", "extensible-pcm24-3ch",
            "rf64-pcm16-stereo", "float32-stereo", "ima-adpcm-fact", "mulaw-8bit");
    private static final String LIST_INFO = "wav/pcm16-mono-list-info.wav";

    @ParameterizedTest
    @ValueSource(strings = {"pcm16-mono-list-info", "extensible-pcm24-3ch", "rf64-pcm16-stereo", "float32-stereo",
        "ima-adpcm-fact", "mulaw-8bit"})
    void goldenDump(String name) throws Exception {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("wav/" + name + ".wav"))) {
            GoldenFiles.assertMatches("wav/" + name + ".txt", WavDump.dump(source));
        }
    }

    @Test
    void everyFixtureAgreesWithFfprobe() throws Exception {
        for (String name : FIXTURES) {
            Path file = Fixtures.path("wav/" + name + ".wav");
            String[] stream = Tools.ffprobe("-show_entries", "stream=sample_rate,channels,duration_ts", "-of", "csv=p=0",
                    file.toString()).strip().split(",");
            MediaInfo info = probe(Fixtures.bytes("wav/" + name + ".wav"));
            assertThat(info.format()).isEqualTo(ContainerFormat.WAV);
            assertThat(info.sampleRateHz()).as(name).isEqualTo(Integer.parseInt(stream[0]));
            assertThat(info.channels()).as(name).isEqualTo(Integer.parseInt(stream[1]));
            assertThat(info.durationUs()).as(name).isEqualTo(Long.parseLong(stream[2]) * 1_000_000 / info.sampleRateHz());
            assertThat(info.warnings()).as(name).isEmpty();
        }
    }

    @Test
    void pcmWithInfoTags() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(LIST_INFO));

        assertThat(info.codec()).isEqualTo(Codec.PCM);
        assertThat(info.codecDetail()).isEqualTo("PCM 16-bit little-endian");
        assertThat(info.durationUs()).isEqualTo(100_000);
        assertThat(info.bitrateBps()).isEqualTo(128_000);
        assertThat(info.tags().first(TagKey.TITLE)).contains("The Tiny Book");
        assertThat(info.tags().first(TagKey.ARTIST)).contains("Ann Author");
        assertThat(info.tags().first(TagKey.ALBUM)).contains("Tiny Stories");
        assertThat(info.tags().first(TagKey.COMMENT)).contains("A test fixture");
        assertThat(info.tags().first(TagKey.GENRE)).contains("Audiobook");
        assertThat(info.tags().first(TagKey.YEAR)).contains("2021");
        assertThat(info.tags().first(TagKey.RELEASE_DATE)).contains("2021-03-04");
        assertThat(info.tags().number(TagKey.TRACK)).hasValue(4);
        assertThat(info.tags().first(TagKey.COPYRIGHT)).contains("2021 Small Press");
    }

    @Test
    void uncompressedSeekingIsExactArithmetic() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(LIST_INFO));
        long dataStart = info.audioStartByte();

        SeekPoint at = info.seekIndex().seek(12_345);

        assertThat(info.seekIndex().exact()).isTrue();
        assertThat(at.byteOffset()).isEqualTo(dataStart + 98 * 2); // 12.345 ms at 8 kHz: sample 98
        assertThat(at.timeUs()).isEqualTo(12_250);
        assertThat(info.seekIndex().timeAt(dataStart + 98 * 2 + 1)).isEqualTo(12_250);
        assertThat(info.seekIndex().seek(10_000_000).byteOffset()).isEqualTo(info.audioEndByte() - 2);
    }

    @Test
    void codecDetails() throws Exception {
        assertThat(probe(Fixtures.bytes("wav/extensible-pcm24-3ch.wav")).codecDetail()).isEqualTo("PCM 24-bit little-endian");
        assertThat(probe(Fixtures.bytes("wav/float32-stereo.wav")).codecDetail()).isEqualTo("PCM 32-bit float little-endian");
        assertThat(probe(Fixtures.bytes("wav/mulaw-8bit.wav")).codecDetail()).isEqualTo("G.711 µ-law");
        MediaInfo adpcm = probe(Fixtures.bytes("wav/ima-adpcm-fact.wav"));
        assertThat(adpcm.codec()).isEqualTo(Codec.UNKNOWN);
        assertThat(adpcm.codecDetail()).isEqualTo("IMA ADPCM");
    }

    @Test
    void adpcmSeeksToWholeBlocks() throws Exception {
        MediaInfo info = probe(Fixtures.bytes("wav/ima-adpcm-fact.wav"));

        SeekPoint at = info.seekIndex().seek(70_000); // 560 samples: the second block of 505

        assertThat(info.durationUs()).isEqualTo(1010 * 1_000_000L / 8000);
        assertThat(info.seekIndex().exact()).isTrue();
        assertThat(at.byteOffset()).isEqualTo(info.audioStartByte() + 256);
        assertThat(at.timeUs()).isEqualTo(505 * 1_000_000L / 8000);
    }

    @Test
    void oddChunksArePaddedToAnEvenLength() throws Exception {
        byte[] info = concat("INFO".getBytes(), chunk("INAM", "Odd\0".getBytes()), chunk("IART", "Ann\0A".getBytes()));
        byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 1, 8)), chunk("junk", new byte[3]), chunk("data", new byte[7]),
                chunk("LIST", info));

        MediaInfo result = probe(wav);

        assertThat(result.codecDetail()).isEqualTo("PCM 8-bit unsigned");
        assertThat(result.durationUs()).isEqualTo(7 * 1_000_000L / 8000);
        assertThat(result.tags().first(TagKey.TITLE)).contains("Odd");
        assertThat(result.tags().first(TagKey.ARTIST)).contains("Ann");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void dataPastTheEndOfTheFileIsTruncatedToTheBytesPresent() throws Exception {
        byte[] wav = Fixtures.bytes(LIST_INFO);

        MediaInfo info = probe(Arrays.copyOf(wav, wav.length - 501));

        assertThat(info.durationUs()).isEqualTo((1600 - 501) / 2 * 1_000_000L / 8000);
        assertThat(info.audioEndByte()).isEqualTo(wav.length - 501);
        assertThat(info.warnings()).containsExactly(
                "the data chunk declares 1600 bytes but the file holds 1099: truncated",
                "the RIFF header gives a size of " + wav.length + " bytes; the file has " + (wav.length - 501),
                "1 bytes at the end of the data do not fill a block of 2");
    }

    @Test
    void unknownDataSizeRunsToTheEndOfTheFile() throws Exception {
        byte[] wav = riff(chunk("fmt ", fmt(1, 2, 8000, 4, 16)), chunk("data", 0xFFFF_FFFFL, new byte[400], false));

        MediaInfo info = probe(wav);

        assertThat(info.durationUs()).isEqualTo(100 * 1_000_000L / 8000);
        assertThat(info.warnings()).singleElement().asString().contains("data chunk size is unknown");
    }

    @Test
    void compressedDataWithoutAFactChunkHasAnEstimatedDuration() throws Exception {
        byte[] mp3Format = fmt(0x55, 1, 8000, 1, 0);
        byte[] wav = riff(chunk("fmt ", mp3Format), chunk("data", new byte[1000]));

        MediaInfo info = probe(wav);

        assertThat(info.codec()).isEqualTo(Codec.MP3);
        assertThat(info.durationUs()).isEqualTo(125_000); // 1000 bytes at 8000 bytes per second
        assertThat(info.seekIndex().exact()).isFalse();
        assertThat(info.warnings()).singleElement().asString().contains("estimated from the average byte rate");
    }

    @Test
    void infoItemLongerThanItsListKeepsTheItemsBefore() throws Exception {
        byte[] info = concat("INFO".getBytes(), chunk("INAM", "Kept\0".getBytes()), chunk("IART", 5000, new byte[6], false));
        byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 2, 16)), chunk("LIST", info), chunk("data", new byte[16]));

        MediaInfo result = probe(wav);

        assertThat(result.tags().first(TagKey.TITLE)).contains("Kept");
        assertThat(result.warnings()).singleElement().asString().contains("INFO item IART claims 5000 bytes");
    }

    @Test
    void rejectsWhatIsNotReadableWav() {
        assertError(new byte[0], MediaError.UNRECOGNIZED);
        assertError("RIFF".getBytes(), MediaError.TRUNCATED);
        assertError("RIFX\0\0\0\0WAVEfmt ".getBytes(), MediaError.UNSUPPORTED);
        assertError("RIFF\0\0\0\0AVI LIST".getBytes(), MediaError.UNRECOGNIZED);
        assertError(riff(chunk("data", new byte[8])), MediaError.CORRUPT);
        assertError(riff(chunk("fmt ", fmt(1, 1, 8000, 2, 16))), MediaError.NO_AUDIO);
        assertError(riff(chunk("fmt ", fmt(1, 0, 8000, 2, 16)), chunk("data", new byte[8])), MediaError.CORRUPT);
        assertError(riff(chunk("fmt ", fmt(1, 1, 0, 2, 16)), chunk("data", new byte[8])), MediaError.CORRUPT);
        assertError(riff(chunk("fmt ", 16, new byte[10], false)), MediaError.TRUNCATED);
        assertError(riff(chunk("fmt ", fmt(1, 1, 8000, 0, 0)), chunk("data", new byte[8])), MediaError.CORRUPT);
    }

    @Test
    void manyEmptyChunksAreBounded() throws Exception {
        byte[][] chunks = new byte[20_002][];
        chunks[0] = chunk("fmt ", fmt(1, 1, 8000, 2, 16));
        chunks[1] = chunk("data", new byte[16]);
        Arrays.fill(chunks, 2, chunks.length, chunk("junk", new byte[0]));

        MediaInfo info = probe(riff(chunks));

        assertThat(info.durationUs()).isEqualTo(1000);
        assertThat(info.warnings()).singleElement().asString().contains("more than 10000 chunks");
    }

    @Test
    void survivesEveryTruncationAndRandomFlips() {
        for (String name : FIXTURES) {
            byte[] wav = Fixtures.bytes("wav/" + name + ".wav");
            assertThat(HostileInput.everyTruncation(wav, WavProber::probe).results()).as(name).isPositive();
            assertThat(HostileInput.randomFlips(wav, name.hashCode(), 500, WavProber::probe).results()).as(name).isGreaterThan(100);
        }
    }

    @Test
    void shortReadsGiveTheSameResultAndReadErrorsSurfaceAsIoExceptions() throws Exception {
        byte[] wav = Fixtures.bytes("wav/rf64-pcm16-stereo.wav");

        MediaInfo dribbled = WavProber.probe(new FaultyByteSource(wav, 3, -1));

        assertThat(MediaInfoDump.format(dribbled)).isEqualTo(MediaInfoDump.format(probe(wav)));
        assertThatThrownBy(() -> WavProber.probe(new FaultyByteSource(wav, 4096, 50))).isInstanceOf(IOException.class);
        assertThat(WavProber.looksLikeWav(new ArrayByteSource(wav), 0)).isTrue();
        assertThat(WavProber.looksLikeWav(new ArrayByteSource(Fixtures.bytes(LIST_INFO)), 0)).isTrue();
        assertThat(WavProber.looksLikeWav(new ArrayByteSource(wav), 4)).isFalse();
    }

    private static MediaInfo probe(byte[] bytes) throws IOException, MediaException {
        return WavProber.probe(new ArrayByteSource(bytes));
    }

    private static void assertError(byte[] bytes, MediaError error) {
        assertThatThrownBy(() -> probe(bytes)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }
}
