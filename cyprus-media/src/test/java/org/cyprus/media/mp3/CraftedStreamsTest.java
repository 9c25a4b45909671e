package org.cyprus.media.mp3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyprus.media.Codec;
import org.cyprus.media.MediaException;
import org.cyprus.media.SeekPoint;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.testing.Fixtures;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams no installed encoder writes, built byte by byte: Layer I, a Fraunhofer VBRI header, free-format Layer II. */
class CraftedStreamsTest {
    /** MPEG-1 Layer I, no CRC, 32 kbps, 32 kHz, mono: 48-byte frames of 384 samples. */
    static final int LAYER_1_WORD = 0xFFFF18C0;
    /** MPEG-2 Layer III, 64 kbps, 22.05 kHz, mono: the 208-byte frame LAME puts its Xing header in. */
    static final int VBRI_FRAME_WORD = 0xFFF380C4;
    static final int FRAMES_PER_ENTRY = 8;

    static byte[] layer1() {
        return new CraftedFrames().frames(LAYER_1_WORD, 50).toByteArray();
    }

    @Test
    void layer1SequenceCraftedInCode(@TempDir Path tmp) throws IOException, MediaException {
        byte[] bytes = layer1();
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.codec()).isEqualTo(Codec.MP1);
        assertThat(stream.codecDetail()).isEqualTo("MPEG-1 Layer I");
        assertThat(stream.frameCount()).isEqualTo(50);
        assertThat(stream.durationUs()).isEqualTo(50 * 384 * 1_000_000L / 32000);
        assertThat(stream.bitrateBps()).isEqualTo(32000);
        assertThat(stream.seekIndex()).isInstanceOf(CbrSeeker.class);

        Path file = tmp.resolve("layer1.mp1");
        Files.write(file, bytes);
        Mp3FrameIndex index = Mp3FrameIndex.build(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(FfprobeCrossCheckTest.frames(index)).isEqualTo(FfprobeCrossCheckTest.packets(file));
        GoldenFiles.assertMatches("mp3/crafted-layer1-32k-32khz.txt", Mp3Dump.of("crafted Layer I", bytes));
    }

    /** A VBRI frame in front of LAME's VBR frames: entry i holds the bytes of 8 frames, the first also the VBRI frame. */
    static byte[] vbri() throws IOException, MediaException {
        byte[] audio = Fixtures.bytes("mp3/vbr-22k-no-xing-lame-t.mp3");
        Mp3FrameIndex index = Mp3FrameIndex.build(new ArrayByteSource(audio), 0, audio.length);
        int frameBytes = new FrameHeader(VBRI_FRAME_WORD).frameBytes().orElseThrow();
        int entries = (index.frameCount() + FRAMES_PER_ENTRY - 1) / FRAMES_PER_ENTRY;
        ByteBuffer frame = ByteBuffer.allocate(frameBytes).putInt(VBRI_FRAME_WORD);
        frame.position(VbriHeader.TAG_OFFSET).put("VBRI".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putShort((short) 1).putShort((short) 1105).putShort((short) 75)
                .putInt(frameBytes + audio.length).putInt(index.frameCount())
                .putShort((short) entries).putShort((short) 1).putShort((short) 2).putShort((short) FRAMES_PER_ENTRY);
        for (int entry = 0; entry < entries; entry++) {
            int from = entry * FRAMES_PER_ENTRY;
            int to = Math.min(index.frameCount(), from + FRAMES_PER_ENTRY);
            long end = to == index.frameCount() ? index.audioEndByte() : index.frameOffset(to);
            long start = entry == 0 ? -frameBytes : index.frameOffset(from);
            frame.putShort((short) (end - start));
        }
        return new CraftedFrames().bytes(frame.array()).bytes(audio).toByteArray();
    }

    @Test
    void vbriHeaderIsReadTrustedAndSeekedWith() throws IOException, MediaException {
        byte[] bytes = vbri();
        ArrayByteSource source = new ArrayByteSource(bytes);
        Mp3Stream stream = Mp3Prober.probe(source, 0, bytes.length);
        Mp3FrameIndex exact = Mp3FrameIndex.build(source, 0, bytes.length);
        assertThat(stream.firstFrameOffset()).isEqualTo(208);
        assertThat(stream.frameCount()).isEqualTo(exact.frameCount());
        assertThat(stream.durationUs()).isEqualTo(exact.durationUs());
        assertThat(stream.warnings()).isEmpty();
        assertThat(stream.seekIndex()).isInstanceOf(VbriSeeker.class);
        // At every entry boundary the table is exact; in between, the estimate stays between the boundaries.
        for (int frame = 0; frame < exact.frameCount(); frame++) {
            SeekPoint point = stream.seekIndex().seek(exact.toMicros(exact.frameTime(frame)) + 1);
            assertThat(point.timeUs()).isEqualTo(exact.toMicros(exact.frameTime(frame)));
            int entryStart = frame / FRAMES_PER_ENTRY * FRAMES_PER_ENTRY;
            int entryEnd = Math.min(exact.frameCount() - 1, entryStart + FRAMES_PER_ENTRY);
            if (frame % FRAMES_PER_ENTRY == 0) {
                assertThat(point.byteOffset()).isEqualTo(exact.frameOffset(frame));
            } else {
                assertThat(point.byteOffset()).isBetween(exact.frameOffset(entryStart), exact.frameOffset(entryEnd));
            }
        }
        GoldenFiles.assertMatches("mp3/crafted-vbri-22k-vbr.txt", Mp3Dump.of("crafted VBRI", bytes));
    }

    @Test
    void vbriFrameOfACutFileIsNotTrusted() throws IOException, MediaException {
        byte[] whole = vbri();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 300);
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(cut), 0, cut.length);
        Mp3FrameIndex exact = Mp3FrameIndex.build(new ArrayByteSource(cut), 0, cut.length);
        assertThat(stream.frameCount()).isEqualTo(exact.frameCount()).isLessThan(
                Mp3Prober.probe(new ArrayByteSource(whole), 0, whole.length).frameCount());
        assertThat(stream.seekIndex()).isSameAs(stream.seekIndex()).isInstanceOf(Mp3FrameIndex.class);
        assertThat(stream.warnings()).anyMatch(w -> w.contains("VBRI header declares"));
    }

    @Test
    void xingHeaderAfterTheCrcIsFoundToo() throws IOException, MediaException {
        // LAME -p writes the tag where an unprotected frame's side information ends; the spec puts the side
        // information after the CRC, so a conforming writer's tag is two bytes later. Both are read.
        int protectedWord = 0xFFFA50C4;
        byte[] unshifted = HostileInputTest.xingFrame(0xFFFB50C4, 0x0F, 20, 208 + 20 * 104);
        byte[] shifted = new byte[unshifted.length];
        ByteBuffer.wrap(shifted).putInt(protectedWord);
        System.arraycopy(unshifted, 4, shifted, 6, unshifted.length - 6);
        byte[] bytes = new CraftedFrames().bytes(shifted).frames(0xFFFA10C4, 20).toByteArray();
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.firstFrameOffset()).isEqualTo(208);
        assertThat(stream.frameCount()).isEqualTo(20);
        assertThat(stream.seekIndex()).isInstanceOf(XingSeeker.class);
        assertThat(stream.encoder()).hasValue("LAME3.100");
    }

    @Test
    void freeFormatLayer2IsMeasuredFromTheNextHeader() throws IOException, MediaException {
        // MPEG-1 Layer II, free format, 48 kHz, stereo: 500-byte frames, every third padded (501 bytes).
        CraftedFrames frames = new CraftedFrames();
        for (int i = 0; i < 30; i++) {
            boolean padded = i % 3 == 2;
            frames.freeFrames(padded ? 0xFFFD0604 : 0xFFFD0404, padded ? 501 : 500, 1);
        }
        byte[] bytes = frames.toByteArray();
        Mp3Stream stream = Mp3Prober.probe(new ArrayByteSource(bytes), 0, bytes.length);
        assertThat(stream.codec()).isEqualTo(Codec.MP2);
        assertThat(stream.frameCount()).isEqualTo(30);
        assertThat(stream.audioEndByte()).isEqualTo(bytes.length);
        assertThat(stream.durationUs()).isEqualTo(30 * 1152 * 1_000_000L / 48000);
        assertThat(stream.bitrateBps()).isEqualTo((int) (bytes.length * 8L * 48000 / (30 * 1152)));
        assertThat(stream.warnings()).isEmpty();
    }
}
