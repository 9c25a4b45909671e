package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.ape;
import static org.cyprus.media.id3.TagBytes.apeText;
import static org.cyprus.media.id3.TagBytes.audio;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.id3v1;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;

import java.nio.charset.StandardCharsets;
import org.cyprus.media.CoverArt;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ID3v1/1.1, TAG+, APEv2, Lyrics3v2 and appended ID3v2.4 tags at the end of the file, alone and together. */
class TrailerTest {
    private static final byte[] AUDIO = audio(1000);

    @Test
    void id3v1Only() {
        byte[] file = concat(AUDIO, id3v1("Title  ", "Artist", "Album", "2001", "Comment", 0, 101));
        Id3Result result = Reads.read(file);
        Tags tags = result.tags();
        assertThat(tags.first(TagKey.TITLE)).contains("Title");
        assertThat(tags.first(TagKey.ARTIST)).contains("Artist");
        assertThat(tags.first(TagKey.ALBUM)).contains("Album");
        assertThat(tags.first(TagKey.YEAR)).contains("2001");
        assertThat(tags.first(TagKey.COMMENT)).contains("Comment");
        assertThat(tags.all(TagKey.GENRE)).containsExactly("Speech");
        assertThat(tags.first(TagKey.TRACK)).isEmpty();
        assertThat(result.audioStart()).isZero();
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length);
    }

    @Test
    void id3v11TrackAndUnsetGenreAndYear() {
        Tags tags = Reads.read(concat(AUDIO, id3v1("T", "", "", "0000", "28 characters of comment....", 7, 255)))
                .tags();
        assertThat(tags.number(TagKey.TRACK)).hasValue(7);
        assertThat(tags.first(TagKey.COMMENT)).contains("28 characters of comment....");
        assertThat(tags.first(TagKey.GENRE)).isEmpty();
        assertThat(tags.first(TagKey.YEAR)).isEmpty();
        assertThat(tags.first(TagKey.ARTIST)).isEmpty();
    }

    @Test
    void enhancedTagExtendsTitleAndGivesAFreeGenre() {
        String title = "A title that is longer than thirty characters, as many are";
        byte[] file = concat(AUDIO, TagBytes.enhancedTag(title.substring(30), "", "", "Audio drama"),
                id3v1(title.substring(0, 30), "Artist", "", "", "", 0, 12));
        Id3Result result = Reads.read(file);
        assertThat(result.tags().first(TagKey.TITLE)).contains(title);
        assertThat(result.tags().all(TagKey.GENRE)).containsExactly("Audio drama");
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length);
    }

    @Test
    void id3v1FillsOnlyKeysTheId3v2TagLeftOpen() {
        byte[] file = concat(tag(3, 0, frame(3, "TIT2", textBody(LATIN1, "V2 title"))), AUDIO,
                id3v1("V1 title", "V1 artist", "", "", "", 0, 255));
        Tags tags = Reads.read(file).tags();
        assertThat(tags.all(TagKey.TITLE)).containsExactly("V2 title");
        assertThat(tags.all(TagKey.ARTIST)).containsExactly("V1 artist");
    }

    @Test
    void id3v2PlusApePlusId3v1() {
        byte[] cover = TagBytes.png(200, 5);
        byte[] v2 = tag(4, 0, frame(4, "TIT2", textBody(LATIN1, "V2 title")));
        byte[] apeTag = ape(true,
                apeText("Title", "APE title"),
                apeText("Artist", "APE artist"),
                apeText("Narrator", "APE narrator"),
                apeText("Series", "APE series"),
                apeText("Series-Part", "4"),
                apeText("Track", "3/9"),
                apeText("Year", "2011-05-01"),
                apeText("Genre", "Audiobook\u0000Fantasy"),
                TagBytes.apeItem("Cover Art (Front)", 1, concat("cover.png\0".getBytes(StandardCharsets.UTF_8), cover)));
        byte[] v1 = id3v1("V1 title", "V1 artist", "V1 album", "1999", "", 0, 255);
        byte[] file = concat(v2, AUDIO, apeTag, v1);
        Id3Result result = Reads.read(file);

        assertThat(result.audioStart()).isEqualTo(v2.length);
        assertThat(result.audioEnd()).isEqualTo(v2.length + AUDIO.length);
        Tags tags = result.tags();
        assertThat(tags.all(TagKey.TITLE)).containsExactly("V2 title");
        assertThat(tags.all(TagKey.ARTIST)).containsExactly("APE artist");
        assertThat(tags.all(TagKey.ALBUM)).containsExactly("V1 album");
        assertThat(tags.first(TagKey.NARRATOR)).contains("APE narrator");
        assertThat(tags.first(TagKey.SERIES)).contains("APE series");
        assertThat(tags.first(TagKey.SERIES_SEQUENCE)).contains("4");
        assertThat(tags.number(TagKey.TRACK_TOTAL)).hasValue(9);
        assertThat(tags.all(TagKey.YEAR)).containsExactly("2011");
        assertThat(tags.all(TagKey.GENRE)).containsExactly("Audiobook", "Fantasy");
        CoverArt art = result.cover().orElseThrow();
        assertThat(art.mimeType()).isEqualTo("image/png");
        assertThat(art.location()).isInstanceOf(CoverArt.InFile.class);
        assertThat(Reads.coverBytes(result, file)).isEqualTo(cover);
        assertThat(result.warnings()).isEmpty();
        GoldenFiles.assertMatches("id3/crafted-id3v2-ape-id3v1.txt", Reads.dump(file));
    }

    @ParameterizedTest
    @CsvSource({"Title, TITLE", "SUBTITLE, SUBTITLE", "Artist, ARTIST", "Album Artist, ALBUM_ARTIST",
            "Album, ALBUM", "Composer, COMPOSER", "Narrator, NARRATOR", "Comment, COMMENT",
            "Description, DESCRIPTION", "Publisher, PUBLISHER", "Copyright, COPYRIGHT", "Language, LANGUAGE",
            "ASIN, ASIN", "ISBN, ISBN", "Series, SERIES", "Series-Part, SERIES_SEQUENCE"})
    void apeTextKeys(String key, TagKey tagKey) {
        Tags tags = Reads.read(concat(AUDIO, ape(false, apeText(key, "value")))).tags();
        assertThat(tags.asMap()).containsOnlyKeys(tagKey);
        assertThat(tags.first(tagKey)).contains("value");
    }

    @Test
    void apeNumbersAndBinaryItemsThatAreNotCovers() {
        Tags tags = Reads.read(concat(AUDIO, ape(false, apeText("Disc", "2/3"), apeText("Genre", "101"),
                TagBytes.apeItem("Title", 1, new byte[] {1, 2, 3})))).tags();
        assertThat(tags.number(TagKey.DISC)).hasValue(2);
        assertThat(tags.number(TagKey.DISC_TOTAL)).hasValue(3);
        assertThat(tags.all(TagKey.GENRE)).containsExactly("Speech");
        assertThat(tags.first(TagKey.TITLE)).isEmpty();
    }

    @Test
    void apeWithoutHeaderAndId3v2CoverWins() {
        byte[] jpeg = TagBytes.jpeg(100, 1);
        byte[] v2 = tag(3, 0, frame(3, "APIC", TagBytes.apicBody(LATIN1, "image/jpeg", 3, "", jpeg)));
        byte[] apeTag = ape(false, apeText("Album", "APE album"),
                TagBytes.apeItem("Cover Art (Front)", 1, concat("c.png\0".getBytes(), TagBytes.png(50, 1))));
        byte[] file = concat(v2, AUDIO, apeTag);
        Id3Result result = Reads.read(file);
        assertThat(result.audioEnd()).isEqualTo(v2.length + AUDIO.length);
        assertThat(result.tags().first(TagKey.ALBUM)).contains("APE album");
        assertThat(Reads.coverBytes(result, file)).isEqualTo(jpeg);
    }

    @Test
    void apeLyrics3AndId3v1InTheUsualOrder() {
        byte[] apeTag = ape(true, apeText("Album", "APE album"));
        byte[] lyrics = TagBytes.lyrics3("IND", "10", "ETT", "The full Lyrics3 title, longer than thirty",
                "LYR", "la la la");
        byte[] v1 = id3v1("The full Lyrics3 title, longer", "", "", "", "", 0, 255);
        byte[] file = concat(AUDIO, apeTag, lyrics, v1);
        Id3Result result = Reads.read(file);
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length);
        assertThat(result.tags().first(TagKey.TITLE)).contains("The full Lyrics3 title, longer than thirty");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("APE album");
        assertThat(result.warnings()).isEmpty();
        GoldenFiles.assertMatches("id3/crafted-ape-lyrics3-id3v1.txt", Reads.dump(file));
    }

    @Test
    void appendedId3v24TagWithFooterBeforeId3v1() {
        byte[] appended = TagBytes.tagWithFooter(0, frame(4, "TIT2", textBody(LATIN1, "Appended")),
                frame(4, "TPE1", textBody(LATIN1, "Appended artist")));
        byte[] file = concat(AUDIO, appended, id3v1("V1", "V1 artist", "", "", "", 0, 255));
        Id3Result result = Reads.read(file);
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length);
        assertThat(result.tags().all(TagKey.TITLE)).containsExactly("Appended");
        assertThat(result.tags().all(TagKey.ARTIST)).containsExactly("Appended artist");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void leadingTagWinsOverAppendedTag() {
        byte[] leading = tag(4, 0, frame(4, "TIT2", textBody(LATIN1, "Leading")));
        byte[] appended = TagBytes.tagWithFooter(0, frame(4, "TIT2", textBody(LATIN1, "Appended")),
                frame(4, "TALB", textBody(LATIN1, "Appended album")));
        Id3Result result = Reads.read(concat(leading, AUDIO, appended));
        assertThat(result.tags().all(TagKey.TITLE)).containsExactly("Leading");
        assertThat(result.tags().first(TagKey.ALBUM)).contains("Appended album");
        assertThat(result.audioStart()).isEqualTo(leading.length);
        assertThat(result.audioEnd()).isEqualTo(leading.length + AUDIO.length);
    }

    @Test
    void apeFooterWithImpossibleSizeIsIgnored() {
        byte[] bogus = TagBytes.apeBlock(1_000_000, 5, 0);
        byte[] v1 = id3v1("Title", "", "", "", "", 0, 255);
        Id3Result result = Reads.read(concat(AUDIO, bogus, v1));
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length + bogus.length);
        assertThat(result.tags().first(TagKey.TITLE)).contains("Title");
        assertThat(result.warnings()).singleElement().asString().contains("APE");
    }

    @Test
    void apeItemCountFarBeyondTheItemsStopsAtTheFooter() {
        byte[] items = concat(apeText("Title", "Only item"));
        byte[] footer = TagBytes.apeBlock(items.length + 32, 0xFFFFFFFFL, 0);
        Id3Result result = Reads.read(concat(AUDIO, items, footer));
        assertThat(result.tags().first(TagKey.TITLE)).contains("Only item");
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length);
    }

    @Test
    void lyrics3WithBadSizeIsIgnored() {
        byte[] broken = "LYRICSBEGINxx999999LYRICS200".getBytes(StandardCharsets.ISO_8859_1);
        Id3Result result = Reads.read(concat(AUDIO, broken));
        assertThat(result.audioEnd()).isEqualTo(AUDIO.length + broken.length);
        assertThat(result.warnings()).singleElement().asString().contains("Lyrics3");
    }

    @Test
    void trailerThatWouldReachIntoTheLeadingTagIsRefused() {
        byte[] leading = tag(4, 0, frame(4, "TIT2", textBody(LATIN1, "Leading")));
        byte[] footer = TagBytes.apeBlock(leading.length + 40, 0, 0);
        Id3Result result = Reads.read(concat(leading, footer));
        assertThat(result.audioStart()).isEqualTo(leading.length);
        assertThat(result.audioEnd()).isEqualTo(leading.length + footer.length);
    }
}
