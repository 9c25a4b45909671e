package org.cyprus.media.adts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyprus.media.flac.FixtureBytes.concat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.FrameTable;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdtsProberTest {
    private static final String MONO = "adts/aac-lc-mono-16k.aac";
    private static final String PCE = "adts/aac-lc-pce-4ch.aac";

    @ParameterizedTest
    @ValueSource(strings = {"aac-lc-mono-16k", "aac-lc-pce-4ch"})
    void goldenDump(String name) throws Exception {
        try (FileByteSource source = FileByteSource.open(Fixtures.path("adts/" + name + ".aac"))) {
            GoldenFiles.assertMatches("adts/" + name + ".txt", AdtsDump.dump(source));
        }
    }

    @Test
    void everyFrameAsFfprobeListsIt() throws Exception {
        for (String name : List.of(MONO, PCE)) {
            MediaInfo info = probe(Fixtures.bytes(name));
            assertThat(frames(info)).as(name).isEqualTo(ffprobePackets(Fixtures.path(name)));
            assertThat(info.durationUs()).isEqualTo(frames(info).size() * 1024L * 1_000_000 / 16_000);
        }
    }

    @Test
    void longerStereoFileFromFfmpeg(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stereo.aac");
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100:duration=12.5", "-ac", "2",
                "-c:a", "aac", "-b:a", "64k", "-f", "adts", file.toString());
        try (FileByteSource source = FileByteSource.open(file)) {
            MediaInfo info = AdtsProber.probe(source, 0, source.size());
            List<String> packets = ffprobePackets(file);

            assertThat(frames(info)).isEqualTo(packets);
            assertThat(info.channels()).isEqualTo(2);
            assertThat(info.sampleRateHz()).isEqualTo(44_100);
            assertThat(info.durationUs()).isEqualTo(packets.size() * 1024L * 1_000_000 / 44_100);
            assertThat(info.warnings()).isEmpty();
        }
    }

    @Test
    void readsTheStreamParameters() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(MONO));

        assertThat(info.format()).isEqualTo(ContainerFormat.AAC_ADTS);
        assertThat(info.codec()).isEqualTo(Codec.AAC);
        assertThat(info.codecDetail()).isEqualTo("AAC LC (ADTS)");
        assertThat(info.sampleRateHz()).isEqualTo(16_000);
        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.durationUs()).isEqualTo(17 * 1024 * 1_000_000L / 16_000);
        assertThat(info.audioStartByte()).isZero();
        assertThat(info.audioEndByte()).isEqualTo(Fixtures.bytes(MONO).length);
        assertThat(info.warnings()).isEmpty();
        assertThat(probe(Fixtures.bytes(PCE)).channels()).isEqualTo(4);
    }

    @Test
    void seekingLandsOnTheFrameHoldingTheTime() throws Exception {
        MediaInfo info = probe(Fixtures.bytes(MONO));
        FrameTable frames = (FrameTable) info.seekIndex();

        SeekPoint at = info.seekIndex().seek(200_000); // sample 3200: the fourth frame (3072..4095)

        assertThat(info.seekIndex().exact()).isTrue();
        assertThat(at.byteOffset()).isEqualTo(frames.frameOffset(3));
        assertThat(at.timeUs()).isEqualTo(3072 * 1_000_000L / 16_000);
        assertThat(info.seekIndex().timeAt(frames.frameOffset(3) + 5)).isEqualTo(at.timeUs());
        assertThat(info.seekIndex().seek(Long.MAX_VALUE).byteOffset()).isEqualTo(frames.frameOffset(16));
    }

    @Test
    void crcProtectedAndMpeg2HeadersAreRead() throws Exception {
        MediaInfo plain = probe(Fixtures.bytes(MONO));

        MediaInfo protectedFrames = probe(rewriteFrames(Fixtures.bytes(MONO), true, false));
        MediaInfo mpeg2 = probe(rewriteFrames(Fixtures.bytes(MONO), false, true));

        assertThat(protectedFrames.durationUs()).isEqualTo(plain.durationUs());
        assertThat(((FrameTable) protectedFrames.seekIndex()).frameSize(0)).isEqualTo(((FrameTable) plain.seekIndex()).frameSize(0) + 2);
        assertThat(mpeg2.codecDetail()).isEqualTo("AAC LC (ADTS, MPEG-2)");
        assertThat(mpeg2.durationUs()).isEqualTo(plain.durationUs());
    }

    @Test
    void junkBeforeTheFirstFrameAndInTheMiddleIsSkipped() throws Exception {
        byte[] aac = Fixtures.bytes(MONO);
        FrameTable frames = (FrameTable) probe(aac).seekIndex();
        int sixth = (int) frames.frameOffset(5);
        byte[] junk = new byte[1000];
        for (int i = 0; i < junk.length; i += 10) {
            junk[i] = (byte) 0xFF; // stray syncwords that chain to nothing
            junk[i + 1] = (byte) 0xF1;
        }
        byte[] damaged = concat(junk, Arrays.copyOf(aac, sixth), new byte[300], Arrays.copyOfRange(aac, sixth, aac.length));

        MediaInfo info = probe(damaged);

        assertThat(info.audioStartByte()).isEqualTo(1000);
        assertThat(((FrameTable) info.seekIndex()).frameCount()).isEqualTo(17);
        assertThat(info.durationUs()).isEqualTo(1_088_000);
        assertThat(info.warnings()).containsExactly("skipped 1000 bytes before the first ADTS frame",
                "skipped 300 bytes of non-ADTS data in 1 place, the first at offset " + (1000 + sixth));
    }

    @Test
    void truncatedLastFrameIsLeftOut() throws Exception {
        byte[] aac = Fixtures.bytes(MONO);

        MediaInfo info = probe(Arrays.copyOf(aac, aac.length - 50));

        assertThat(((FrameTable) info.seekIndex()).frameCount()).isEqualTo(16);
        assertThat(info.durationUs()).isEqualTo(16 * 1024 * 1_000_000L / 16_000);
        assertThat(info.warnings()).singleElement().asString().contains("the last frame at offset", "is truncated");
    }

    @Test
    void rangeEndsBeforeATrailingTag() throws Exception {
        byte[] aac = Fixtures.bytes(MONO);
        byte[] tagged = concat(aac, "APETAGEX and the rest of a tag".getBytes());

        MediaInfo info = AdtsProber.probe(new ArrayByteSource(tagged), 0, aac.length);

        assertThat(info.audioEndByte()).isEqualTo(aac.length);
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void rejectsWhatIsNotAdts() {
        assertError(new byte[0], MediaError.NO_AUDIO);
        assertError(new byte[5000], MediaError.NO_AUDIO);
        byte[] mp3Like = new byte[4000];
        for (int i = 0; i < mp3Like.length; i += 418) {
            mp3Like[i] = (byte) 0xFF;
            mp3Like[i + 1] = (byte) 0xFB; // MPEG-1 Layer III: layer bits 01, not ADTS
            mp3Like[i + 2] = (byte) 0x90;
        }
        assertError(mp3Like, MediaError.NO_AUDIO);
        byte[] oneCutFrame = Arrays.copyOf(Fixtures.bytes(MONO), 100);
        assertError(oneCutFrame, MediaError.NO_AUDIO);
    }

    @Test
    void looksLikeAdtsNeedsChainedFrames() throws Exception {
        byte[] aac = Fixtures.bytes(MONO);
        byte[] lateStart = concat(new byte[5000], aac);

        assertThat(AdtsProber.looksLikeAdts(new ArrayByteSource(aac), 0)).isTrue();
        assertThat(AdtsProber.looksLikeAdts(new ArrayByteSource(lateStart), 0)).isFalse();
        assertThat(AdtsProber.looksLikeAdts(new ArrayByteSource(lateStart), 5000)).isTrue();
        assertThat(AdtsProber.looksLikeAdts(new ArrayByteSource(Arrays.copyOf(aac, 7)), 0)).isFalse();
    }

    @Test
    void survivesEveryTruncationAndRandomFlips() {
        for (String name : List.of(MONO, PCE)) {
            byte[] aac = Fixtures.bytes(name);
            HostileInput.Prober prober = s -> AdtsProber.probe(s, 0, s.size());
            assertThat(HostileInput.everyTruncation(aac, prober).results()).as(name).isGreaterThan(aac.length / 2);
            assertThat(HostileInput.randomFlips(aac, name.hashCode(), 1500, prober).results()).as(name).isGreaterThan(1000);
        }
    }

    @Test
    void shortReadsGiveTheSameResultAndReadErrorsSurfaceAsIoExceptions() throws Exception {
        byte[] aac = Fixtures.bytes(MONO);

        MediaInfo dribbled = AdtsProber.probe(new FaultyByteSource(aac, 3, -1), 0, aac.length);

        assertThat(MediaInfoDump.format(dribbled)).isEqualTo(MediaInfoDump.format(probe(aac)));
        assertThatThrownBy(() -> AdtsProber.probe(new FaultyByteSource(aac, 4096, 1500), 0, aac.length))
                .isInstanceOf(IOException.class);
    }

    private static MediaInfo probe(byte[] bytes) throws IOException, MediaException {
        return AdtsProber.probe(new ArrayByteSource(bytes), 0, bytes.length);
    }

    private static void assertError(byte[] bytes, MediaError error) {
        assertThatThrownBy(() -> probe(bytes)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }

    /** Frames as {@code offset,size} lines. */
    private static List<String> frames(MediaInfo info) {
        FrameTable frames = (FrameTable) info.seekIndex();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < frames.frameCount(); i++) {
            lines.add(frames.frameOffset(i) + "," + frames.frameSize(i));
        }
        return lines;
    }

    private static List<String> ffprobePackets(Path file) {
        return Tools.ffprobe("-show_entries", "packet=pos,size", "-of", "csv=p=0", file.toString()).strip().lines()
                .map(line -> {
                    String[] sizePos = line.split(",");
                    return sizePos[1] + "," + sizePos[0];
                }).toList();
    }

    /** Rewrites every frame: with a (zero) CRC after the header, and/or with the MPEG-2 ID bit. */
    private static byte[] rewriteFrames(byte[] aac, boolean crc, boolean mpeg2) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at + 7 <= aac.length) {
            int length = ((aac[at + 3] & 3) << 11) | ((aac[at + 4] & 0xFF) << 3) | ((aac[at + 5] & 0xFF) >>> 5);
            byte[] header = Arrays.copyOfRange(aac, at, at + 7);
            int newLength = length + (crc ? 2 : 0);
            if (crc) {
                header[1] &= (byte) 0xFE;
            }
            if (mpeg2) {
                header[1] |= 0x08;
            }
            header[3] = (byte) ((header[3] & 0xFC) | (newLength >>> 11));
            header[4] = (byte) (newLength >>> 3);
            header[5] = (byte) ((header[5] & 0x1F) | ((newLength & 7) << 5));
            out.writeBytes(header);
            if (crc) {
                out.writeBytes(new byte[2]);
            }
            out.write(aac, at + 7, length - 7);
            at += length;
        }
        return out.toByteArray();
    }
}
