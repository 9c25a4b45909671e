package org.cyprus.media.flac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.Chapter;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteReader;
import org.junit.jupiter.api.Test;

class VorbisCommentTest {

    @Test
    void namesAreCaseInsensitiveAndMayRepeat() throws Exception {
        List<String> warnings = new ArrayList<>();
        VorbisComment comment = parse(warnings, "vendor", "Artist=One", "ARTIST=Two", "artist=One", "no equals sign",
                "=empty name", "Title=A=B");

        assertThat(comment.values("ARTIST")).containsExactly("One", "Two", "One");
        assertThat(VorbisCommentTags.tags(comment).all(TagKey.ARTIST)).containsExactly("One", "Two");
        assertThat(VorbisCommentTags.tags(comment).first(TagKey.TITLE)).contains("A=B");
        assertThat(warnings).containsExactly("Vorbis comment: 2 fields without the NAME=value form were ignored");
    }

    @Test
    void mapsTheAudiobookFields() throws Exception {
        Tags tags = VorbisCommentTags.tags(parse(new ArrayList<>(), "v", "YEAR=1999", "TRACKNUMBER=3/12", "TOTALTRACKS=12",
                "DISCNUMBER=2", "TOTALDISCS=3", "NARRATOR=N", "PERFORMER=P", "LABEL=L", "SERIESPART=4", "ALBUM_ARTIST=AA",
                "ENCODER=E", "TRACKTOTAL=twelve"));

        assertThat(tags.first(TagKey.YEAR)).contains("1999");
        assertThat(tags.first(TagKey.RELEASE_DATE)).isEmpty();
        assertThat(tags.number(TagKey.TRACK)).hasValue(3);
        assertThat(tags.all(TagKey.TRACK_TOTAL)).containsExactly("12");
        assertThat(tags.number(TagKey.DISC)).hasValue(2);
        assertThat(tags.number(TagKey.DISC_TOTAL)).hasValue(3);
        assertThat(tags.all(TagKey.NARRATOR)).containsExactly("N", "P");
        assertThat(tags.first(TagKey.PUBLISHER)).contains("L");
        assertThat(tags.first(TagKey.SERIES_SEQUENCE)).contains("4");
        assertThat(tags.first(TagKey.ALBUM_ARTIST)).contains("AA");
        assertThat(tags.first(TagKey.ENCODER)).contains("E");
    }

    @Test
    void chaptersAreSortedEndAtTheNextAndDropWhatCannotBeRead() throws Exception {
        List<String> warnings = new ArrayList<>();
        VorbisComment comment = parse(warnings, "v", "CHAPTER02=00:10:00.5", "CHAPTER02NAME=Second",
                "CHAPTER01=00:00:00.000", "CHAPTER01NAME=First", "CHAPTER03=1:02:03.123456789", "CHAPTER04=soon",
                "CHAPTER05=99:00:00", "CHAPTER06=00:61:00");

        List<Chapter> chapters = VorbisChapters.chapters(comment, 4_000_000_000L, warnings);

        assertThat(chapters).containsExactly(new Chapter("First", 0, 600_500_000), new Chapter("Second", 600_500_000, 3_723_123_456L),
                new Chapter("", 3_723_123_456L, 4_000_000_000L));
        assertThat(warnings).containsExactly("chapter 4 has an unreadable start time 'soon' (and 2 more chapters dropped)");
    }

    @Test
    void parsesChapterTimes() {
        assertThat(VorbisChapters.parseTime("00:00:00.000")).contains(0L);
        assertThat(VorbisChapters.parseTime("01:02:03.5")).contains(3_723_500_000L);
        assertThat(VorbisChapters.parseTime("2:03")).contains(123_000_000L);
        assertThat(VorbisChapters.parseTime(" 10:00:00,25 ")).contains(36_000_250_000L);
        assertThat(VorbisChapters.parseTime("999999:59:59.999999999")).contains(3_599_999_999_999_999L);
        assertThat(VorbisChapters.parseTime("1:60:00")).isEmpty();
        assertThat(VorbisChapters.parseTime("1234567:00:00")).isEmpty();
        assertThat(VorbisChapters.parseTime("")).isEmpty();
    }

    @Test
    void lengthsPastTheEndKeepWhatWasRead() throws Exception {
        byte[] full = bytes("vendor", "TITLE=Kept", "ARTIST=Lost");
        List<String> warnings = new ArrayList<>();

        VorbisComment comment = VorbisComment.parseVorbisComment(
                new ByteReader(new ArrayByteSource(full), 0, full.length - 3), warnings);

        assertThat(comment.fields()).containsExactly(new VorbisComment.Field("TITLE", "Kept"));
        assertThat(warnings).singleElement().asString().contains("field 1 claims 11 bytes");
    }

    private static VorbisComment parse(List<String> warnings, String vendor, String... fields) throws Exception {
        byte[] bytes = bytes(vendor, fields);
        return VorbisComment.parseVorbisComment(new ByteReader(new ArrayByteSource(bytes)), warnings);
    }

    private static byte[] bytes(String vendor, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, vendor);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(fields.length).array());
        for (String field : fields) {
            writeString(out, field);
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }
}
