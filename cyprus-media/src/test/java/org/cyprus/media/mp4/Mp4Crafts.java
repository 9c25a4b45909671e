package org.cyprus.media.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.testing.Fixtures;

/**
 * Edge cases derived from the committed fixtures by rewriting their boxes ({@link Mp4Surgery}), so that they need
 * not be committed: each method names the case it makes.
 */
final class Mp4Crafts {
    static final String MOOV_LAST = "mp4/book-moov-last-chpl-and-text-chapters.m4b";
    static final String FASTSTART = "mp4/book-faststart-chpl-and-text-chapters.m4b";
    static final String TWO_TRACKS = "mp4/two-audio-tracks-first-disabled.m4a";
    static final String FRAGMENTED = "mp4/fragmented-empty-moov.m4a";
    static final String JPEG_COVER = "mp4/cover-jpeg-attached-pic.m4a";
    static final String PNG_COVER = "mp4/cover-png-atomicparsley.m4a";

    private Mp4Crafts() {
    }

    static Mp4Surgery open(String fixture) {
        return Mp4Surgery.parse(Fixtures.bytes(fixture));
    }

    /** {@code co64} chunk offsets and a 64-bit {@code largesize} on {@code mdat}. */
    static byte[] co64AndLargeMdat(String fixture) {
        Mp4Surgery s = open(fixture).toCo64();
        s.find("mdat").largeSize = true;
        return s.bytes();
    }

    /** {@code free}, {@code skip}, {@code wide} and {@code uuid} boxes at the top level and inside moov, stbl and udta. */
    static byte[] junkBoxesEverywhere(String fixture) {
        Mp4Surgery s = open(fixture);
        s.insertBefore("mdat", Mp4Surgery.Node.leaf("free", new byte[13]));
        s.insertBefore("mdat", Mp4Surgery.Node.leaf("skip", "skipped".getBytes(StandardCharsets.US_ASCII)));
        s.insertBefore("mdat", Mp4Surgery.Node.leaf("wide", new byte[0]));
        s.insertBefore("moov/trak", Mp4Surgery.Node.leaf("uuid", Bytes.of().u64(0x1234).u64(0x5678).u32(7).array()));
        s.insertBefore("moov/trak/mdia/minf/stbl/stts", Mp4Surgery.Node.leaf("free", new byte[3]));
        s.insertBefore("moov/udta/meta", Mp4Surgery.Node.leaf("skip", new byte[0]));
        s.insertBefore("moov/udta/meta/ilst/©ART", Mp4Surgery.Node.leaf("free", new byte[5]));
        return s.bytes();
    }

    /** Nero chapters only: the text track and the audio track's {@code tref} removed. */
    static byte[] chplOnly(String fixture) {
        return open(fixture).remove("moov/trak[1]").remove("moov/trak/tref").bytes();
    }

    /** A {@code tref/chap} naming a track that does not exist (the text track removed). */
    static byte[] danglingChapterReference(String fixture) {
        return open(fixture).remove("moov/trak[1]").bytes();
    }

    /** Nero chapters with other titles than the text track's, and starts of 0, 0.5 s and 9 s (past the end). */
    static byte[] chplWithOtherTitles(String fixture) {
        Mp4Surgery s = open(fixture);
        s.find("moov/udta/chpl").head = chpl(1, new long[] {0, 5_000_000, 90_000_000}, "Nero one", "", "Nero past the end");
        return s.bytes();
    }

    /** A Nero chapter list in the given layout version. */
    static byte[] chpl(int version, long[] starts100ns, String... titles) {
        Bytes b = Bytes.of().u8(version).u24(0);
        if (version == 1) {
            b.u8(0).u32(titles.length);
        } else {
            b.u8(titles.length);
        }
        for (int i = 0; i < titles.length; i++) {
            byte[] title = titles[i].getBytes(StandardCharsets.UTF_8);
            b.u64(starts100ns[i]).u8(title.length).bytes(title);
        }
        return b.array();
    }

    /** The QuickTime form of {@code meta}: no version and flags before its children. */
    static byte[] quickTimeMeta(String fixture) {
        Mp4Surgery s = open(fixture);
        s.find("moov/udta/meta").head = new byte[0];
        return s.bytes();
    }

    /** An {@code ilst} with the items AtomicParsley and FFmpeg do not write, and gapless information. */
    static byte[] richIlst(String fixture, String smpb) {
        Mp4Surgery s = open(fixture);
        Mp4Surgery.Node ilst = s.find("moov/udta/meta/ilst");
        ilst.children.clear();
        byte[] pngPicture = coverOf(PNG_COVER);
        byte[][] items = {
                Bytes.box("©nam", Bytes.data(2, "Tïtle in UTF-16".getBytes(StandardCharsets.UTF_16BE))),
                Bytes.text("©nrt", "Narrator Name"),
                Bytes.text("©mvn", "Series Name"),
                Bytes.box("©mvi", Bytes.data(21, new byte[] {0, 4})),
                Bytes.text("desc", "Only the short description"),
                Bytes.text("©day", "2020-05-06T07:08:09Z"),
                Bytes.box("gnre", Bytes.data(0, new byte[] {0, (byte) 184})),
                Bytes.box("covr", Bytes.data(14, pngPicture), Bytes.data(13, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})),
                Bytes.freeform("com.apple.iTunes", "series-part", "4.5"),
                Bytes.freeform("com.apple.iTunes", "SUBTITLE", "A Subtitle"),
                Bytes.freeform("com.apple.iTunes", "Language", "en"),
                Bytes.freeform("com.apple.iTunes", "PUBLISHER", "Publisher House"),
                Bytes.freeform("com.apple.iTunes", "ISBN", "9780000000001"),
                Bytes.freeform("org.example", "UNRELATED", "ignored"),
                Bytes.freeform("com.apple.iTunes", "iTunSMPB", smpb)};
        for (byte[] item : items) {
            ilst.children.add(Mp4Surgery.Node.of(item));
        }
        return s.bytes();
    }

    /** The cover picture of a fixture, as the prober finds it. */
    static byte[] coverOf(String fixture) {
        try (ArrayByteSource source = new ArrayByteSource(Fixtures.bytes(fixture))) {
            return Mp4Prober.probe(source).cover().orElseThrow().read(source);
        } catch (IOException | MediaException e) {
            throw new AssertionError(e);
        }
    }

    /** The {@code esds} DecoderSpecificInfo replaced by {@code asc}. */
    static byte[] withAudioSpecificConfig(String fixture, byte[] asc) {
        Mp4Surgery s = open(fixture);
        Mp4Surgery.Node entry = s.find("moov/trak/mdia/minf/stbl/stsd/mp4a");
        entry.children.replaceAll(n -> n.type.equals("esds") ? Mp4Surgery.Node.leaf("esds", esds(0x40, asc)) : n);
        return s.bytes();
    }

    /** An {@code esds} payload (after the box header): ES_Descriptor, DecoderConfigDescriptor, DecoderSpecificInfo. */
    static byte[] esds(int objectType, byte[] specificInfo) {
        byte[] info = Bytes.of().u8(0x05).u8(specificInfo.length).bytes(specificInfo).array();
        byte[] config = Bytes.of().u8(0x04).u8(13 + info.length).u8(objectType).u8(0x15).u24(0).u32(0).u32(0).bytes(info).array();
        byte[] sl = {0x06, 0x01, 0x02};
        byte[] es = Bytes.of().u8(0x03).u8(3 + config.length + sl.length).u16(1).u8(0).bytes(config).bytes(sl).array();
        return Bytes.of().u32(0).bytes(es).array();
    }

    /** The edit list's media time (the priming) set to {@code mediaTime}. */
    static byte[] withEditMediaTime(String fixture, int mediaTime) {
        Mp4Surgery s = open(fixture);
        ByteBuffer.wrap(s.find("moov/trak/edts/elst").head).putInt(12, mediaTime);
        return s.bytes();
    }

    /** Every track's {@code tkhd} flags cleared: no track is enabled. */
    static byte[] noTrackEnabled(String fixture) {
        Mp4Surgery s = open(fixture);
        for (Mp4Surgery.Node tkhd : s.all("tkhd")) {
            tkhd.head[3] = 0;
        }
        return s.bytes();
    }

    /** The audio track's samples split into chunks of {@code perChunk} (several {@code stsc} entries) and sizes in {@code stz2}. */
    static byte[] stz2AndSmallChunks(String fixture, int perChunk) {
        Mp4Surgery s = open(fixture);
        Mp4Surgery.Node stbl = s.find("moov/trak/mdia/minf/stbl");
        ByteBuffer stsz = ByteBuffer.wrap(stbl.child("stsz").head);
        int count = stsz.getInt(8);
        long offset = ByteBuffer.wrap(stbl.child("stco").head).getInt(8) & 0xFFFFFFFFL;
        Bytes stz2 = Bytes.of().u32(0).u24(0).u8(16).u32(count);
        Bytes stco = Bytes.of().u32(0).u32((count + perChunk - 1) / perChunk);
        for (int i = 0; i < count; i++) {
            int size = stsz.getInt(12 + 4 * i);
            stz2.u16(size);
            if (i % perChunk == 0) {
                stco.u32(offset);
            }
            offset += size;
        }
        Bytes stsc = Bytes.of().u32(0).u32(count % perChunk == 0 ? 1 : 2).u32(1).u32(perChunk).u32(1);
        if (count % perChunk != 0) {
            stsc.u32((count + perChunk - 1) / perChunk).u32(count % perChunk).u32(1);
        }
        stbl.children.replaceAll(n -> switch (n.type) {
            case "stsz" -> Mp4Surgery.Node.leaf("stz2", stz2.array());
            case "stco" -> Mp4Surgery.Node.leaf("stco", stco.array());
            case "stsc" -> Mp4Surgery.Node.leaf("stsc", stsc.array());
            default -> n;
        });
        return s.bytes();
    }

    /**
     * Every {@code tfhd} rewritten without its explicit base data offset and default duration: with
     * {@code default-base-is-moof} set or not (the same base for a single track), durations then come from
     * {@code trex}, whose default duration is set to {@code trexDuration}.
     */
    static byte[] fragmentDefaultsFromTrex(boolean defaultBaseIsMoof, long trexDuration) {
        Mp4Surgery s = open(FRAGMENTED);
        ByteBuffer.wrap(s.find("moov/mvex/trex").head).putInt(12, (int) trexDuration);
        for (Mp4Surgery.Node tfhd : s.all("tfhd")) {
            ByteBuffer in = ByteBuffer.wrap(tfhd.head);
            int flags = in.getInt(0) & 0xFFFFFF;
            if (flags != 0x39) {
                throw new IllegalStateException("unexpected tfhd flags " + Integer.toHexString(flags));
            }
            // track, base (8), duration, size, flags -> track, size, flags
            tfhd.head = Bytes.of().u32(defaultBaseIsMoof ? 0x020030 : 0x000030).u32(in.getInt(4))
                    .u32(in.getInt(20)).u32(in.getInt(24)).array();
        }
        for (Mp4Surgery.Node trun : s.all("trun")) {
            ByteBuffer b = ByteBuffer.wrap(trun.head);
            b.putInt(8, b.getInt(8) - 12); // the data moved up with the 12 bytes the tfhd lost
        }
        return s.bytes();
    }

    /** {@code mvhd}, {@code tkhd}, {@code mdhd} and {@code elst} rewritten in their 64-bit version 1 layouts. */
    static byte[] version1Headers(String fixture) {
        Mp4Surgery s = open(fixture);
        for (Mp4Surgery.Node n : s.all("mvhd")) {
            n.head = widen(n.head, new int[] {4, 4, 4, 4}, new boolean[] {true, true, false, true});
        }
        for (Mp4Surgery.Node n : s.all("tkhd")) {
            n.head = widen(n.head, new int[] {4, 4, 4, 4, 4}, new boolean[] {true, true, false, false, true});
        }
        for (Mp4Surgery.Node n : s.all("mdhd")) {
            n.head = widen(n.head, new int[] {4, 4, 4, 4}, new boolean[] {true, true, false, true});
        }
        for (Mp4Surgery.Node n : s.all("elst")) {
            ByteBuffer in = ByteBuffer.wrap(n.head);
            int count = in.getInt(4);
            Bytes out = Bytes.of().u32(0x01000000).u32(count);
            for (int i = 0; i < count; i++) {
                out.u64(in.getInt(8 + 12 * i) & 0xFFFFFFFFL).u64(in.getInt(12 + 12 * i)).u32(in.getInt(16 + 12 * i));
            }
            n.head = out.array();
        }
        return s.bytes();
    }

    /** Version 1 of a full box whose first fields are 32-bit: the marked ones become 64-bit. */
    private static byte[] widen(byte[] v0, int[] fields, boolean[] wide) {
        ByteBuffer in = ByteBuffer.wrap(v0);
        Bytes out = Bytes.of().u8(1).u24(in.getInt(0) & 0xFFFFFF);
        int at = 4;
        for (int i = 0; i < fields.length; i++) {
            long value = in.getInt(at) & 0xFFFFFFFFL;
            if (wide[i]) {
                out.u64(value);
            } else {
                out.u32(value);
            }
            at += fields[i];
        }
        return out.bytes(java.util.Arrays.copyOfRange(v0, at, v0.length)).array();
    }
}
