package org.cyprus.media.mp4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/** Parses Nero chapters ({@code moov/udta/chpl}). */
final class ChapterBoxes {
    static final int MAX_CHAPTERS = 10_000;

    private ChapterBoxes() {
    }

    /**
     * The Nero chapter list has no published specification; this follows what Nero, mp4v2 and FFmpeg write: a full
     * box; in version 1 a reserved byte and a 32-bit chapter count (FFmpeg: four reserved bytes and an 8-bit count,
     * the same bytes for fewer than 256 chapters), in version 0 an 8-bit count; then per chapter a 64-bit start in
     * 100-nanosecond units and a title of a length byte plus UTF-8. Chapters the box does not hold are dropped with
     * a warning.
     */
    static List<ChapterMark> parseChpl(ByteSource source, Box box, Warnings warnings) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(source, box);
        FullBoxHeader full = FullBoxHeader.read(r);
        long declared;
        if (full.version() == 1) {
            r.skip(1);
            declared = r.u32();
        } else {
            declared = r.u8();
        }
        List<ChapterMark> marks = new ArrayList<>();
        for (long i = 0; i < declared && marks.size() < MAX_CHAPTERS; i++) {
            if (r.remaining() < 9) {
                warnings.add("chpl at offset " + box.offset() + " declares " + declared + " chapters but holds " + i);
                break;
            }
            long start100ns = r.s64();
            int length = r.u8();
            if (length > r.remaining()) {
                warnings.add("chpl at offset " + box.offset() + ": the title of chapter " + (i + 1) + " is cut off");
                break;
            }
            String title = new String(r.bytes(length), StandardCharsets.UTF_8);
            marks.add(new ChapterMark(start100ns < 0 ? 0 : start100ns / 10, title));
        }
        return marks;
    }
}
