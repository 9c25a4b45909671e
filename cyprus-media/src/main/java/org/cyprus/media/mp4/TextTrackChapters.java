package org.cyprus.media.mp4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;

/**
 * Reads QuickTime chapters: the text track that the audio track's {@code tref/chap} names, one sample per chapter
 * (QuickTime File Format, "Text media"; 3GPP TS 26.245 for {@code tx3g}). A sample is a 16-bit text length and the
 * text, UTF-16 when it starts with a byte order mark and UTF-8 otherwise, possibly followed by atoms such as
 * {@code encd} that are not needed here; it starts at its time in the text track's own timescale.
 */
final class TextTrackChapters {
    private static final int MAX_TITLE_BYTES = 1024;

    private TextTrackChapters() {
    }

    static List<ChapterMark> read(BoxWalker walker, Track track) throws IOException, MediaException {
        if (track.stbl().isEmpty()) {
            throw new MediaException(MediaError.CORRUPT, track.label() + " has no sample table");
        }
        SampleTableBuilder builder = new SampleTableBuilder(track.media().timescale());
        SampleTableAssembler.assemble(walker, track.stbl().get(), builder, "chapter " + track.label());
        SampleTable table = builder.build();
        int count = Math.min(table.frameCount(), ChapterBoxes.MAX_CHAPTERS);
        List<ChapterMark> marks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            marks.add(new ChapterMark(table.toMicros(table.frameTime(i)),
                    title(walker, table.frameOffset(i), table.frameSize(i))));
        }
        return marks;
    }

    private static String title(BoxWalker walker, long offset, int sizeBytes) throws IOException, MediaException {
        if (sizeBytes < 2) {
            return "";
        }
        byte[] head = walker.source().readBytes(offset, 2);
        int length = Math.min((head[0] & 0xFF) << 8 | (head[1] & 0xFF), Math.min(sizeBytes - 2, MAX_TITLE_BYTES));
        byte[] text = walker.source().readBytes(offset + 2, length);
        if (length >= 2 && ((text[0] & 0xFF) == 0xFE && (text[1] & 0xFF) == 0xFF
                || (text[0] & 0xFF) == 0xFF && (text[1] & 0xFF) == 0xFE)) {
            return new String(text, StandardCharsets.UTF_16);
        }
        return new String(text, StandardCharsets.UTF_8);
    }
}
