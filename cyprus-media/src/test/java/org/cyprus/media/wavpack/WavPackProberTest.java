package org.cyprus.media.wavpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.media.flac.FixtureBytes.concat;
import static org.cyprus.media.flac.FixtureBytes.indexOf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.SeekPoint;
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

class WavPackProberTest {
    private static final List<String> FIXTURES = List.of("lossless-16bit-stereo-5-blocks", "hybrid-lossy-mono",
            "custom-rate-12345hz", "six-channels-4-blocks", "float32-mono");
    private static final String STEREO = "wavpack/lossless-16bit-stereo-5-blocks.wv";

    @ParameterizedTest
    @ValueSource(strings = {"lossless-16bit-stereo-5-blocks", "hybrid-lossy-mono", "custom-rate-12345hz",
        "six-channels-4-blocks", "float32-mono"})
    void goldenDump(String name) throws Exception {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("wavpack/" + name + ".wv"))) {
            GoldenFiles.assertMatches("wavpack/" + name + ".txt", WavPackDump.dump(source));
        }
    }

    @Test
    void everyFixtureAgreesWithFfprobe() throws Exception {
        for (String name : FIXTURES) {
            Path file = Fixtures.path("wavpack/" + name + ".wv");
            String[] stream = Tools.ffprobe("-show_entries", "stream=sample_rate,channels,duration_ts", "-of", "csv=p=0",
                    file.toString()).strip().split(",");
            MediaInfo info = probe(Fixtures.bytes("wavpack/" + name + ".wv"));
            assertThat(info.format()).isEqualTo(ContainerFormat.WAVPACK);
            assertThat(info.codec()).isEqualTo(Codec.WAVPACK);
            assertThat(info.sampleRateHz()).as(name).isEqualTo(Integer.parseInt(stream[0]));
            assertThat(info.channels()).as(name).isEqualTo(Integer.parseInt(stream[1]));
            assertThat(info.durationUs()).as(name).isEqualTo(Long.parseLong(stream[2]) * 1_000_000 / info.sampleRateHz());
            assertThat(info.warnings()).as(name).isEmpty();
        }
    }

    @Test
    void codecDetails() throws Exception {
        assertThat(probe(Fixtures.bytes(STEREO)).codecDetail()).isEqualTo("WavPack 16-bit lossless");
        assertThat(probe(Fixtures.bytes("wavpack/hybrid-lossy-mono.wv")).codecDetail())
                .isEqualTo("WavPack 16-bit hybrid (lossy without its .wvc correction file)");
        assertThat(probe(Fixtures.bytes("wavpack/float32-mono.wv")).codecDetail()).isEqualTo("WavPack 32-bit float lossless");
    }

    @Test
    void knownTotalGivesAnApproximateSeekIndex() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(STEREO));

        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.seekIndex().exact()).isFalse();
        assertThat(info.seekIndex().seek(300_000).byteOffset()).isBetween(info.audioStartByte(), info.audioEndByte());
    }

    @Test
    void unknownTotalIsCountedByWalkingEveryBlock() throws Exception {
        byte[] wv = withUnknownTotal(Fixtures.bytes(STEREO));
        List<Integer> blocks = blockOffsets(wv);

        MediaInfo info = probe(wv);
        SeekPoint at = info.seekIndex().seek(300_000); // sample 2400: the third block (2048..3071)

        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.warnings()).singleElement().asString().contains("4800 counted over 5 frames");
        assertThat(info.seekIndex().exact()).isTrue();
        assertThat(at.byteOffset()).isEqualTo((long) blocks.get(2));
        assertThat(at.timeUs()).isEqualTo(2048 * 1_000_000L / 8000);
        assertThat(info.seekIndex().timeAt(blocks.get(4) + 10)).isEqualTo(4096 * 1_000_000L / 8000);
    }

    @Test
    void fileCutInsideItsLastBlockEndsAtTheBlockBefore() throws Exception {
        byte[] wv = Fixtures.bytes(STEREO);
        int lastBlock = blockOffsets(wv).getLast();

        MediaInfo known = probe(Arrays.copyOf(wv, lastBlock + 100));
        MediaInfo walked = probe(Arrays.copyOf(withUnknownTotal(wv), lastBlock + 100));

        for (MediaInfo info : List.of(known, walked)) {
            assertThat(info.durationUs()).isEqualTo(4096 * 1_000_000L / 8000);
            assertThat(info.audioEndByte()).isEqualTo(lastBlock);
        }
        assertThat(known.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("promises 4800 samples", "truncated"));
        assertThat(walked.warnings()).anySatisfy(w -> assertThat(w).contains("the last block at offset " + lastBlock + " is truncated"));
    }

    @Test
    void junkBeforeTheFirstBlockIsSkippedAndTheRangeEndRespected() throws Exception {
        byte[] wv = Fixtures.bytes(STEREO);
        byte[] file = concat(new byte[100], wv, "APETAGEX and an APE tag".getBytes());

        MediaInfo info = WavPackProber.probe(new ArrayByteSource(file), 0, 100 + wv.length);

        assertThat(info.audioStartByte()).isEqualTo(100);
        assertThat(info.audioEndByte()).isEqualTo(100 + wv.length);
        assertThat(info.durationUs()).isEqualTo(600_000);
        assertThat(info.warnings()).containsExactly("skipped 100 bytes before the first WavPack block");
        assertThat(WavPackProber.looksLikeWavPack(new ArrayByteSource(file), 100)).isTrue();
        assertThat(WavPackProber.looksLikeWavPack(new ArrayByteSource(file), 0)).isFalse();
    }

    @Test
    void rejectsWhatIsNotReadableWavPack() {
        assertError(new byte[0], MediaError.NO_AUDIO);
        assertError(new byte[4000], MediaError.NO_AUDIO);
        byte[] badVersion = Fixtures.bytes(STEREO);
        for (int offset : blockOffsets(Fixtures.bytes(STEREO))) {
            badVersion[offset + 9] = 0x05; // version 0x5xx
        }
        assertError(badVersion, MediaError.NO_AUDIO);
        byte[] noRate = Fixtures.bytes("wavpack/custom-rate-12345hz.wv");
        // ID_SAMPLE_RATE | ID_ODD_SIZE, 2 words holding 3 bytes: 12345
        int subBlock = indexOf(noRate, new byte[] {0x67, 2, 0x39, 0x30, 0});
        noRate[subBlock] = 0x6F;
        assertError(noRate, MediaError.CORRUPT);
    }

    @Test
    void survivesEveryTruncationAndRandomFlips() {
        HostileInput.Prober prober = s -> WavPackProber.probe(s, 0, s.size());
        for (String name : FIXTURES) {
            byte[] wv = Fixtures.bytes("wavpack/" + name + ".wv");
            assertThat(HostileInput.everyTruncation(wv, prober).results()).as(name).isPositive();
            assertThat(HostileInput.randomFlips(wv, name.hashCode(), 600, prober).results()).as(name).isGreaterThan(300);
        }
        byte[] unknown = withUnknownTotal(Fixtures.bytes(STEREO));
        assertThat(HostileInput.everyTruncation(unknown, prober).results()).isPositive();
        assertThat(HostileInput.randomFlips(unknown, 5, 1000, prober).results()).isGreaterThan(500);
    }

    @Test
    void shortReadsGiveTheSameResultAndReadErrorsSurfaceAsIoExceptions() throws Exception {
        byte[] wv = Fixtures.bytes(STEREO);

        MediaInfo dribbled = WavPackProber.probe(new FaultyByteSource(wv, 3, -1), 0, wv.length);

        assertThat(MediaInfoDump.format(dribbled)).isEqualTo(MediaInfoDump.format(probe(wv)));
        assertThatThrownBy(() -> WavPackProber.probe(new FaultyByteSource(wv, 4096, wv.length - 5), 0, wv.length))
                .isInstanceOf(IOException.class);
    }

    private static MediaInfo probe(byte[] bytes) throws IOException, MediaException {
        return WavPackProber.probe(new ArrayByteSource(bytes), 0, bytes.length);
    }

    private static void assertError(byte[] bytes, MediaError error) {
        assertThatThrownBy(() -> probe(bytes)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }

    /** Offsets of the blocks of a well-formed file, following each block's size. */
    private static List<Integer> blockOffsets(byte[] wv) {
        List<Integer> offsets = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(wv).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 32 <= wv.length; at += b.getInt(at + 4) + 8) {
            offsets.add(at);
        }
        return offsets;
    }

    /** A copy whose block headers all say "total samples unknown", as a streaming encoder leaves them. */
    private static byte[] withUnknownTotal(byte[] wv) {
        byte[] copy = wv.clone();
        for (int at : blockOffsets(wv)) {
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 12, -1);
        }
        return copy;
    }
}
