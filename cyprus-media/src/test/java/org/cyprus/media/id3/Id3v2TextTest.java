package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.UTF16;
import static org.cyprus.media.id3.TagBytes.UTF16BE;
import static org.cyprus.media.id3.TagBytes.UTF8;
import static org.cyprus.media.id3.TagBytes.audio;
import static org.cyprus.media.id3.TagBytes.bytes;
import static org.cyprus.media.id3.TagBytes.commBody;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;
import static org.cyprus.media.id3.TagBytes.txxxBody;

import java.nio.charset.StandardCharsets;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text encodings, multiple values and the mapping of text, TXXX and COMM frames to tag keys. */
class Id3v2TextTest {

    private static Tags tagsOf(int version, byte[]... frames) {
        return Reads.read(concat(tag(version, 0, frames), audio(64))).tags();
    }

    @Test
    void everyEncodingAndBothByteOrderMarks() {
        String text = "Žluťoučký – 書";
        Tags tags = tagsOf(4,
                frame(4, "TIT2", concat(bytes(UTF16, 0xFF, 0xFE), text.getBytes(StandardCharsets.UTF_16LE))),
                frame(4, "TIT3", concat(bytes(UTF16, 0xFE, 0xFF), text.getBytes(StandardCharsets.UTF_16BE))),
                frame(4, "TALB", textBody(UTF16BE, text)),
                frame(4, "TPE1", textBody(UTF8, text)),
                frame(4, "TCOM", textBody(LATIN1, "Dvořák".replace('ř', 'r') + " é")));
        assertThat(tags.first(TagKey.TITLE)).contains(text);
        assertThat(tags.first(TagKey.SUBTITLE)).contains(text);
        assertThat(tags.first(TagKey.ALBUM)).contains(text);
        assertThat(tags.first(TagKey.ARTIST)).contains(text);
        assertThat(tags.first(TagKey.COMPOSER)).contains("Dvorák é");
    }

    @Test
    void utf16WithoutByteOrderMarkIsReadAsLittleEndian() {
        Tags tags = tagsOf(3, frame(3, "TIT2", concat(bytes(UTF16), "No BOM".getBytes(StandardCharsets.UTF_16LE),
                bytes(0, 0))));
        assertThat(tags.first(TagKey.TITLE)).contains("No BOM");
    }

    @Test
    void utf8ByteOrderMarkAndTrailingNulsAreDropped() {
        Tags tags = tagsOf(4, frame(4, "TIT2", concat(bytes(UTF8, 0xEF, 0xBB, 0xBF), "Title".getBytes(), bytes(0, 0))));
        assertThat(tags.all(TagKey.TITLE)).containsExactly("Title");
    }

    @Test
    void v24NulSeparatedValuesAreSeveralValuesEachWithItsOwnBom() {
        Tags tags = tagsOf(4,
                frame(4, "TPE1", textBody(UTF16, "Author One", "Author Two")),
                frame(4, "TCOM", textBody(UTF8, "A", "B", "C")),
                frame(4, "TCON", textBody(LATIN1, "101", "Fantasy")));
        assertThat(tags.all(TagKey.ARTIST)).containsExactly("Author One", "Author Two");
        assertThat(tags.all(TagKey.COMPOSER)).containsExactly("A", "B", "C");
        assertThat(tags.all(TagKey.GENRE)).containsExactly("Speech", "Fantasy");
    }

    @Test
    void v23KeepsValuesWholeAndIgnoresWhatFollowsATerminator() {
        Tags tags = tagsOf(3,
                frame(3, "TPE1", textBody(LATIN1, "Author One/Author Two")),
                frame(3, "TCOM", textBody(LATIN1, "Kept", "ignored after NUL")));
        assertThat(tags.all(TagKey.ARTIST)).containsExactly("Author One/Author Two");
        assertThat(tags.all(TagKey.COMPOSER)).containsExactly("Kept");
    }

    @ParameterizedTest
    @CsvSource({
            "NARRATOR, NARRATOR", "Narrated By, NARRATOR", "narratedby, NARRATOR", "Reader, NARRATOR",
            "DESCRIPTION, DESCRIPTION", "summary, DESCRIPTION", "Synopsis, DESCRIPTION",
            "SERIES, SERIES", "series-part, SERIES_SEQUENCE", "SERIES_SEQUENCE, SERIES_SEQUENCE",
            "Series-Sequence, SERIES_SEQUENCE", "ASIN, ASIN", "audible_asin, ASIN", "ISBN, ISBN"})
    void txxxDescriptionsMapCaseInsensitively(String description, TagKey key) {
        Tags tags = tagsOf(4, frame(4, "TXXX", txxxBody(UTF8, description, "value")));
        assertThat(tags.asMap()).containsOnlyKeys(key);
        assertThat(tags.first(key)).contains("value");
    }

    @Test
    void unknownTxxxIsIgnored() {
        assertThat(tagsOf(4, frame(4, "TXXX", txxxBody(UTF8, "MusicBrainz Album Id", "x"))).isEmpty()).isTrue();
    }

    @Test
    void commentsByDescription() {
        Tags tags = tagsOf(3,
                frame(3, "COMM", commBody(UTF16, "eng", "iTunNORM", " 00000001 00000002")),
                frame(3, "COMM", commBody(UTF16, "eng", "", "Plain comment")),
                frame(3, "COMM", commBody(LATIN1, "eng", "Description", "Long description")));
        assertThat(tags.all(TagKey.COMMENT)).containsExactly("Plain comment");
        assertThat(tags.all(TagKey.DESCRIPTION)).containsExactly("Long description");
    }

    @Test
    void allMappedTextFrames() {
        Tags tags = tagsOf(4,
                frame(4, "TIT2", textBody(UTF8, "Title")), frame(4, "TIT3", textBody(UTF8, "Subtitle")),
                frame(4, "TPE1", textBody(UTF8, "Author")), frame(4, "TPE2", textBody(UTF8, "Album artist")),
                frame(4, "TALB", textBody(UTF8, "Album")), frame(4, "TCOM", textBody(UTF8, "Composer")),
                frame(4, "TPUB", textBody(UTF8, "Publisher")), frame(4, "TCOP", textBody(UTF8, "Copyright")),
                frame(4, "TLAN", textBody(UTF8, "eng")), frame(4, "TSSE", textBody(UTF8, "Encoder")),
                frame(4, "MVNM", textBody(UTF8, "Series")), frame(4, "MVIN", textBody(UTF8, "3/10")),
                frame(4, "TRCK", textBody(UTF8, "5/20")), frame(4, "TPOS", textBody(UTF8, "2")));
        assertThat(tags.first(TagKey.TITLE)).contains("Title");
        assertThat(tags.first(TagKey.SUBTITLE)).contains("Subtitle");
        assertThat(tags.first(TagKey.ARTIST)).contains("Author");
        assertThat(tags.first(TagKey.ALBUM_ARTIST)).contains("Album artist");
        assertThat(tags.first(TagKey.ALBUM)).contains("Album");
        assertThat(tags.first(TagKey.COMPOSER)).contains("Composer");
        assertThat(tags.first(TagKey.PUBLISHER)).contains("Publisher");
        assertThat(tags.first(TagKey.COPYRIGHT)).contains("Copyright");
        assertThat(tags.first(TagKey.LANGUAGE)).contains("eng");
        assertThat(tags.first(TagKey.ENCODER)).contains("Encoder");
        assertThat(tags.first(TagKey.SERIES)).contains("Series");
        assertThat(tags.first(TagKey.SERIES_SEQUENCE)).contains("3");
        assertThat(tags.number(TagKey.TRACK)).hasValue(5);
        assertThat(tags.number(TagKey.TRACK_TOTAL)).hasValue(20);
        assertThat(tags.number(TagKey.DISC)).hasValue(2);
        assertThat(tags.first(TagKey.DISC_TOTAL)).isEmpty();
    }

    @Test
    void v23YearWithDayMonth() {
        Tags tags = tagsOf(3, frame(3, "TDAT", textBody(LATIN1, "1503")), frame(3, "TYER", textBody(LATIN1, "2004")));
        assertThat(tags.first(TagKey.YEAR)).contains("2004");
        assertThat(tags.first(TagKey.RELEASE_DATE)).contains("2004-03-15");
    }

    @Test
    void recordingDatePreferredOverReleaseAndOriginalDates() {
        Tags tags = tagsOf(4, frame(4, "TDRL", textBody(UTF8, "2010-01-01")), frame(4, "TDOR", textBody(UTF8, "1990")),
                frame(4, "TDRC", textBody(UTF8, "2005")));
        assertThat(tags.all(TagKey.YEAR)).containsExactly("2005");
        assertThat(tags.first(TagKey.RELEASE_DATE)).isEmpty();
        Tags original = tagsOf(3, frame(3, "TORY", textBody(LATIN1, "1977")));
        assertThat(original.first(TagKey.YEAR)).contains("1977");
        Tags release = tagsOf(4, frame(4, "TDOR", textBody(UTF8, "1990")), frame(4, "TDRL", textBody(UTF8, "2010-06")));
        assertThat(release.first(TagKey.RELEASE_DATE)).contains("2010-06");
    }

    @Test
    void unknownTextEncodingSkipsOnlyThatFrame() {
        Id3Result result = Reads.read(concat(tag(4, 0, frame(4, "TIT2", bytes(7, 'x')),
                frame(4, "TALB", textBody(LATIN1, "Album"))), audio(64)));
        assertThat(result.tags().first(TagKey.TITLE)).isEmpty();
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Album");
        assertThat(result.warnings()).singleElement().asString().contains("encoding 7");
    }

    @Test
    void oddLengthUtf16DecodesWithoutFailing() {
        Tags tags = tagsOf(4, frame(4, "TIT2", concat(bytes(UTF16, 0xFF, 0xFE, 'A', 0, 'B'))));
        assertThat(tags.first(TagKey.TITLE)).hasValueSatisfying(t -> assertThat(t).startsWith("A"));
    }
}
