package org.cyprus.media.mp4;

import java.nio.charset.StandardCharsets;

/**
 * The four-character codes of the ISO base media file format (ISO/IEC 14496-12), its MP4 (ISO/IEC 14496-14) and
 * QuickTime relatives, and the iTunes metadata items, as big-endian {@code int}s.
 */
public final class BoxType {
    // File level (ISO/IEC 14496-12 §4.3, §8.1, §8.2, §8.8)
    public static final int FTYP = of("ftyp");
    public static final int MOOV = of("moov");
    public static final int MDAT = of("mdat");
    public static final int FREE = of("free");
    public static final int SKIP = of("skip");
    public static final int WIDE = of("wide");
    public static final int UUID = of("uuid");
    public static final int MOOF = of("moof");
    public static final int MFRA = of("mfra");
    public static final int PNOT = of("pnot");

    // Movie and track structure (§8.2–§8.7)
    public static final int MVHD = of("mvhd");
    public static final int TRAK = of("trak");
    public static final int TKHD = of("tkhd");
    public static final int TREF = of("tref");
    public static final int CHAP = of("chap");
    public static final int EDTS = of("edts");
    public static final int ELST = of("elst");
    public static final int MDIA = of("mdia");
    public static final int MDHD = of("mdhd");
    public static final int HDLR = of("hdlr");
    public static final int MINF = of("minf");
    public static final int STBL = of("stbl");
    public static final int STSD = of("stsd");
    public static final int STTS = of("stts");
    public static final int STSC = of("stsc");
    public static final int STSZ = of("stsz");
    public static final int STZ2 = of("stz2");
    public static final int STCO = of("stco");
    public static final int CO64 = of("co64");
    public static final int UDTA = of("udta");
    public static final int META = of("meta");
    public static final int ILST = of("ilst");
    public static final int CHPL = of("chpl");

    // Fragments (§8.8)
    public static final int MVEX = of("mvex");
    public static final int MEHD = of("mehd");
    public static final int TREX = of("trex");
    public static final int MFHD = of("mfhd");
    public static final int TRAF = of("traf");
    public static final int TFHD = of("tfhd");
    public static final int TFDT = of("tfdt");
    public static final int TRUN = of("trun");

    // Sample entries and decoder configuration (ISO/IEC 14496-14 §5.6, QuickTime File Format)
    public static final int MP4A = of("mp4a");
    public static final int ESDS = of("esds");
    public static final int WAVE = of("wave");
    public static final int ALAC = of("alac");
    public static final int MP3_DOT = of(".mp3");
    public static final int TEXT = of("text");
    public static final int TX3G = of("tx3g");

    // Handler types (§8.4.3)
    public static final int SOUN = of("soun");
    public static final int SBTL = of("sbtl");

    // iTunes metadata items (QuickTime File Format, "Metadata")
    public static final int DATA = of("data");
    public static final int MEAN = of("mean");
    public static final int NAME = of("name");
    public static final int FREEFORM = of("----");
    public static final int COVR = of("covr");
    public static final int GNRE = of("gnre");
    public static final int TRKN = of("trkn");
    public static final int DISK = of("disk");

    private BoxType() {
    }

    /** The code of a four-character string such as {@code "moov"} (Latin-1, so {@code "©nam"} works too). */
    public static int of(String fourCc) {
        byte[] bytes = fourCc.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != 4) {
            throw new IllegalArgumentException("not a four-character code: " + fourCc);
        }
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    /** The printable name of {@code type}: its four Latin-1 characters, or hex when some are control bytes. */
    public static String name(int type) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            int b = (type >>> (24 - 8 * i)) & 0xFF;
            if (b < 0x20 || (b >= 0x7F && b < 0xA0)) {
                return String.format("0x%08x", type);
            }
            chars[i] = (char) b;
        }
        return new String(chars);
    }
}
