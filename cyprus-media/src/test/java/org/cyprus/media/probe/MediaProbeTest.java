package org.cyprus.media.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.CoverArt;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.TagKey;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facade: every format found by its content and read by the right prober; every failure a typed result. */
class MediaProbeTest {
    @TempDir
    Path dir;

    private static MediaInfo probed(byte[] bytes) {
        ProbeResult result = MediaProbe.probe(new ArrayByteSource(bytes));
        assertThat(result).isInstanceOf(ProbeResult.Probed.class);
        return ((ProbeResult.Probed) result).info();
    }

    private static ProbeResult.Failed failed(byte[] bytes) {
        ProbeResult result = MediaProbe.probe(new ArrayByteSource(bytes));
        assertThat(result).isInstanceOf(ProbeResult.Failed.class);
        return (ProbeResult.Failed) result;
    }

    @ParameterizedTest
    @CsvSource({
            "mp3/cbr-22k-64k-info-lame.mp3, MP3",
            "mp3/layer2-22k-32k-ffmpeg-crc.mp2, MP3",
            "mp3/junk-and-fake-sync-before-first-frame.mp3, MP3",
            "id3/ffmpeg-v24-chapters.mp3, MP3",
            "mp4/book-moov-last-chpl-and-text-chapters.m4b, MP4",
            "mp4/quicktime-sound-v2-96k.mov, MP4",
            "flac/tagged-seektable-cover.flac, FLAC",
            "ogg/opus-tags-chapters.opus, OGG",
            "ogg/vorbis-tags-chapters-picture.ogg, OGG",
            "wav/pcm16-mono-list-info.wav, WAV",
            "wav/rf64-pcm16-stereo.wav, WAV",
            "adts/aac-lc-mono-16k.aac, AAC_ADTS",
            "wavpack/lossless-16bit-stereo-5-blocks.wv, WAVPACK"})
    void everyFormatIsFoundByItsContent(String fixture, ContainerFormat format) {
        MediaInfo info = probed(Fixtures.bytes(fixture));

        assertThat(info.format()).isEqualTo(format);
        assertThat(info.durationUs()).isPositive();
        assertThat(info.sampleRateHz()).isPositive();
    }

    @Test
    void theExtensionIsIgnored() throws IOException {
        Path m4bNamedMp3 = Files.write(dir.resolve("book.mp3"), Fixtures.bytes("mp4/aac-48k-stereo.m4a"));

        assertThat(MediaProbe.probe(m4bNamedMp3)).isInstanceOfSatisfying(ProbeResult.Probed.class,
                p -> assertThat(p.info().format()).isEqualTo(ContainerFormat.MP4));
    }

    @Test
    void emptyTextAndJunkAreTypedFailures() {
        assertThat(failed(new byte[0]).error()).isEqualTo(MediaError.EMPTY);
        ProbeResult.Failed text = failed(Fixtures.bytes("mp3/text-renamed.mp3"));
        assertThat(text.error()).isEqualTo(MediaError.UNRECOGNIZED);
        assertThat(text.message()).contains("looks like text");
        byte[] noise = new byte[100_000];
        new java.util.Random(7).nextBytes(noise);
        assertThat(failed(noise).error()).isEqualTo(MediaError.UNRECOGNIZED);
    }

    @Test
    void recognisedButUnreadableContainersSaySo() {
        byte[] asf = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11, (byte) 0xA6, (byte) 0xD9, 0, (byte) 0xAA,
                0, 0x62, (byte) 0xCE, 0x6C, 0, 0, 0, 0};
        byte[] ebml = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01};

        ProbeResult.Failed wma = failed(asf);
        assertThat(wma.error()).isEqualTo(MediaError.UNSUPPORTED);
        assertThat(wma.message()).contains("Windows Media Audio");
        assertThat(failed(ebml).message()).contains("Matroska");
    }

    @Test
    void adtsBehindAnId3TagGetsTheTagsTitle() throws IOException {
        byte[] adts = Fixtures.bytes("adts/aac-lc-mono-16k.aac");
        byte[] title = "Tagged Stream".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream tag = new ByteArrayOutputStream();
        int frameSize = 1 + title.length;
        int tagSize = 10 + frameSize;
        tag.write(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, (byte) (tagSize >> 7), (byte) (tagSize & 0x7F)});
        tag.write(new byte[] {'T', 'I', 'T', '2', 0, 0, 0, (byte) frameSize, 0, 0, 0});
        tag.write(title);
        tag.write(adts);

        MediaInfo info = probed(tag.toByteArray());

        assertThat(info.format()).isEqualTo(ContainerFormat.AAC_ADTS);
        assertThat(info.tags().first(TagKey.TITLE)).contains("Tagged Stream");
        assertThat(info.audioStartByte()).isGreaterThanOrEqualTo(tagSize + 10);
    }

    @Test
    void aBigPictureBeforeTheAudioStaysInTheFile() throws Exception {
        Path cover = dir.resolve("cover.png");
        Tools.ffmpeg("-f", "lavfi", "-i", "mandelbrot=s=400x400", "-frames:v", "1", cover.toString());
        Path mp3 = dir.resolve("big-apic.mp3");
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-i", cover.toString(), "-map", "0:a", "-map", "1:v",
                "-c:v", "copy", "-disposition:v", "attached_pic", "-c:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "3",
                mp3.toString());
        long coverBytes = Files.size(cover);
        assertThat(coverBytes).isGreaterThan(100_000);

        try (FileByteSource source = FileByteSource.open(mp3)) {
            MediaInfo info = MediaProbe.probeOrThrow(source);

            assertThat(info.cover()).hasValueSatisfying(c -> {
                assertThat(c.mimeType()).isEqualTo("image/png");
                assertThat(c.sizeBytes()).isEqualTo((int) coverBytes);
                assertThat(c.location()).isInstanceOf(CoverArt.InFile.class);
            });
            assertThat(info.cover().get().read(source)).isEqualTo(Files.readAllBytes(cover));
            assertThat(info.audioStartByte()).isGreaterThan(coverBytes);
            double ffprobeSeconds = Double.parseDouble(Tools.ffprobe("-show_entries", "format=duration", "-of", "csv=p=0",
                    mp3.toString()).strip());
            assertThat(info.durationSeconds()).isCloseTo(ffprobeSeconds, within(0.03));
        }
    }

    @Test
    void exactFrameTablesForMp3AndMp4AndARefusalForTheRest() throws Exception {
        FrameTable mp3 = MediaProbe.frameTable(new ArrayByteSource(Fixtures.bytes("mp3/cbr-22k-64k-info-lame.mp3")));
        FrameTable m4b = MediaProbe.frameTable(new ArrayByteSource(Fixtures.bytes("mp4/book-faststart-chpl-and-text-chapters.m4b")));

        assertThat(mp3.exact()).isTrue();
        assertThat(mp3.frameCount()).isPositive();
        assertThat(m4b.frameCount()).isPositive();
        assertThat(m4b.timescale()).isPositive();
        assertThatThrownBy(() -> MediaProbe.frameTable(new ArrayByteSource(Fixtures.bytes("flac/tagged-seektable-cover.flac"))))
                .isInstanceOf(MediaException.class)
                .satisfies(e -> assertThat(((MediaException) e).error()).isEqualTo(MediaError.UNSUPPORTED));
    }
}
