package org.cyprus.media.id3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cyprus.media.Chapter;
import org.cyprus.media.CoverArt;
import org.cyprus.media.Tags;

/**
 * Everything the tags of an MP3 (or ADTS, or FLAC-with-ID3) file say, and where the audio between them lies.
 *
 * @param tags       values of all tags; per key the first ID3v2 tag wins, then later ID3v2 tags, APE, Lyrics3, ID3v1
 * @param chapters   chapters of the first ID3v2 tag that has any, in table-of-contents or time order
 * @param cover      the front cover (picture type 3) if there is one, else the first picture, else an APE cover
 * @param audioStart the offset just past the leading ID3v2 tags (0 without any)
 * @param audioEnd   the offset where the trailing tags start (the file size without any)
 * @param warnings   problems met and recovered from
 */
public record Id3Result(Tags tags, List<Chapter> chapters, Optional<CoverArt> cover,
                        long audioStart, long audioEnd, List<String> warnings) {
    public Id3Result {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(cover, "cover");
        chapters = List.copyOf(chapters);
        warnings = List.copyOf(warnings);
    }
}
