package org.cyprus.media.id3;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.cyprus.media.Chapter;
import org.cyprus.media.CoverArt;
import org.cyprus.media.TagKey;
import org.cyprus.media.io.ByteSource;

/**
 * Reads the tags of files that carry ID3 (MP3, and ADTS AAC or FLAC streams with ID3 in front): ID3v2.2/2.3/2.4
 * tags at the start, ID3v1, APE, Lyrics3v2 and appended ID3v2.4 tags at the end, and where the audio between them
 * lies. Never fails on bad tag bytes: only an I/O error of the source escapes.
 */
public final class Id3Reader {
    private Id3Reader() {
    }

    /**
     * Reads every tag of the file: ID3v2 tags at the start (several may follow each other), and ID3v1, APEv2,
     * Lyrics3v2 trailers (and an appended ID3v2.4 tag with footer) at the end. Bad tags never fail the read: they
     * produce warnings and whatever could be recovered.
     */
    public static Id3Result read(ByteSource source) throws IOException {
        return TagScan.read(source, Diagnostics.quiet());
    }

    /** Just the size of leading ID3v2 tags, cheaply (for content sniffing): the offset where non-tag data starts. */
    public static long skipLeadingTags(ByteSource source) throws IOException {
        return TagScan.skipLeading(source);
    }

    /**
     * A readable account of a read, for golden tests and debugging: every tag and frame with its offset and decoded
     * fields, warnings where they arose, then the result.
     */
    public static String dump(ByteSource source) throws IOException {
        Diagnostics diag = Diagnostics.recording();
        Id3Result result = TagScan.read(source, diag);
        return diag.dumpText() + describe(result);
    }

    /** The result as text, one fact per line. */
    private static String describe(Id3Result result) {
        StringBuilder s = new StringBuilder("result\n");
        s.append("  audio ").append(result.audioStart()).append("..").append(result.audioEnd()).append('\n');
        for (Map.Entry<TagKey, List<String>> entry : result.tags().asMap().entrySet()) {
            s.append("  ").append(entry.getKey().jsonName()).append(' ')
                    .append(FrameContent.quoted(entry.getValue())).append('\n');
        }
        for (Chapter chapter : result.chapters()) {
            s.append("  chapter ").append(chapter.startUs()).append("..").append(chapter.endUs()).append(" us ")
                    .append(Diagnostics.quote(chapter.title())).append('\n');
        }
        result.cover().ifPresent(cover -> s.append("  cover ").append(cover.mimeType()).append(' ')
                .append(cover.sizeBytes()).append(" bytes ").append(switch (cover.location()) {
                    case CoverArt.InFile f -> "in file @" + f.offset();
                    case CoverArt.Inline i -> "inline";
                }).append('\n'));
        for (String warning : result.warnings()) {
            s.append("  warning ").append(warning).append('\n');
        }
        return s.toString();
    }
}
