package org.cyprus.media.mp4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/** Parses the header boxes of a movie and its tracks: {@code mvhd}, {@code tkhd}, {@code mdhd}, {@code hdlr}, {@code elst}. */
final class HeaderBoxes {
    private static final int MAX_HANDLER_NAME_BYTES = 256;
    private static final int MAX_EDITS = 1024;

    private HeaderBoxes() {
    }

    static ByteReader content(ByteSource source, Box box) {
        return new ByteReader(source, box.contentOffset(), box.end());
    }

    /** ISO/IEC 14496-12 §8.2.2: version 1 widens the times and the duration to 64 bits. */
    static MovieHeader parseMvhd(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        long timescale;
        long duration;
        if (full.version() == 1) {
            r.skip(16);
            timescale = r.u32();
            duration = r.s64();
        } else {
            r.skip(8);
            timescale = r.u32();
            duration = r.u32();
        }
        return new MovieHeader(full.version(), timescale, duration);
    }

    /** ISO/IEC 14496-12 §8.3.2: flag 1 is {@code track_enabled}; version 1 has 64-bit times. */
    static TrackHeader parseTkhd(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        r.skip(full.version() == 1 ? 16 : 8);
        long trackId = r.u32();
        r.skip(4);
        long duration = full.version() == 1 ? r.s64() : r.u32();
        if (trackId == 0 || trackId > Integer.MAX_VALUE) {
            throw new MediaException(MediaError.CORRUPT, "tkhd at offset " + box.offset() + " has track id " + trackId);
        }
        return new TrackHeader(full.version(), full.flags(), (int) trackId, duration);
    }

    /** ISO/IEC 14496-12 §8.4.2: the timescale of the track's sample times; a zero timescale is corrupt. */
    static MediaHeader parseMdhd(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        r.skip(full.version() == 1 ? 16 : 8);
        long timescale = r.u32();
        long duration = full.version() == 1 ? r.s64() : r.u32();
        int packed = r.u16();
        if (timescale == 0) {
            throw new MediaException(MediaError.CORRUPT, "mdhd at offset " + box.offset() + " has a zero timescale");
        }
        return new MediaHeader(full.version(), timescale, duration, language(packed));
    }

    /**
     * ISO/IEC 14496-12 §8.4.2: three 5-bit letters, each stored as its code minus 0x60. QuickTime files may hold a
     * Macintosh language code instead (below 0x400), or 0x7FFF for "unspecified".
     */
    private static String language(int packed) {
        if (packed == 0x7FFF) {
            return "und";
        }
        if (packed < 0x400) {
            return "mac-" + packed;
        }
        char[] letters = new char[3];
        for (int i = 0; i < 3; i++) {
            int code = (packed >> (10 - 5 * i)) & 0x1F;
            letters[i] = code == 0 ? '?' : (char) (code + 0x60);
        }
        return new String(letters);
    }

    /**
     * ISO/IEC 14496-12 §8.4.3: {@code pre_defined} (the QuickTime component type), the handler type, three reserved
     * words and a name (NUL-terminated UTF-8, or a counted string in QuickTime files).
     */
    static Handler parseHdlr(ByteSource source, Box box) throws IOException, MediaException {
        ByteReader r = content(source, box);
        FullBoxHeader.read(r);
        r.skip(4);
        int handlerType = r.s32();
        r.skip(Math.min(12, r.remaining()));
        byte[] name = r.bytes((int) Math.min(r.remaining(), MAX_HANDLER_NAME_BYTES));
        return new Handler(handlerType, printable(name));
    }

    private static String printable(byte[] bytes) {
        int from = bytes.length > 0 && (bytes[0] & 0xFF) == bytes.length - 1 ? 1 : 0;
        String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        return (nul >= 0 ? text.substring(0, nul) : text).replaceAll("\\p{Cntrl}", "").strip();
    }

    /**
     * ISO/IEC 14496-12 §8.6.6: entries of segment duration (movie timescale), media time (media timescale, -1 for
     * an empty edit) and rate; 32-bit in version 0, 64-bit in version 1. Entries the box does not hold are dropped.
     */
    static EditList parseElst(ByteSource source, Box box, Warnings warnings) throws IOException, MediaException {
        ByteReader r = content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        long declared = r.u32();
        int entryBytes = full.version() == 1 ? 20 : 12;
        int count = (int) Math.min(declared, Math.min(r.remaining() / entryBytes, MAX_EDITS));
        if (count < declared) {
            warnings.add("elst at offset " + box.offset() + " declares " + declared + " edits; read " + count);
        }
        List<EditList.Edit> edits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long segmentDuration = full.version() == 1 ? r.s64() : r.u32();
            long mediaTime = full.version() == 1 ? r.s64() : r.s32();
            int rate = (short) r.u16();
            r.skip(2);
            edits.add(new EditList.Edit(segmentDuration, mediaTime, rate));
        }
        return new EditList(edits);
    }
}
