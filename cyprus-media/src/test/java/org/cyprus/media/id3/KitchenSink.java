package org.cyprus.media.id3;

import static org.cyprus.media.id3.TagBytes.LATIN1;
import static org.cyprus.media.id3.TagBytes.UTF16;
import static org.cyprus.media.id3.TagBytes.UTF8;
import static org.cyprus.media.id3.TagBytes.apicBody;
import static org.cyprus.media.id3.TagBytes.bytes;
import static org.cyprus.media.id3.TagBytes.chapBody;
import static org.cyprus.media.id3.TagBytes.commBody;
import static org.cyprus.media.id3.TagBytes.concat;
import static org.cyprus.media.id3.TagBytes.ctocBody;
import static org.cyprus.media.id3.TagBytes.frame;
import static org.cyprus.media.id3.TagBytes.syncsafe;
import static org.cyprus.media.id3.TagBytes.tag;
import static org.cyprus.media.id3.TagBytes.textBody;
import static org.cyprus.media.id3.TagBytes.txxxBody;
import static org.cyprus.media.id3.TagBytes.unsynchronise;
import static org.cyprus.media.id3.TagBytes.zlib;

import java.util.List;

/**
 * One small file (about 3 KB) that exercises every structure the reader knows, for truncation and byte-flip
 * tests: an unsynchronised v2.3 tag with an extended header, a v2.4 tag with per-frame unsynchronisation,
 * compression, data length indicators, pictures and chapters, a v2.2 tag, then audio, APE, Lyrics3, TAG+ and ID3v1.
 */
final class KitchenSink {
    private KitchenSink() {
    }

    static byte[] file() {
        byte[] jpeg = TagBytes.jpeg(160, 11);
        byte[] png = TagBytes.png(120, 12);
        byte[] v23 = tag(3, 0xC0, unsynchronise(concat(
                concat(TagBytes.be32(6), bytes(0, 0), TagBytes.be32(4)),
                frame(3, "TIT2", textBody(UTF16, "Sink ÿ title")),
                frame(3, "TXXX", txxxBody(LATIN1, "NARRATOR", "Reader")),
                frame(3, "APIC", apicBody(LATIN1, "image/jpeg", 0, "", jpeg)),
                frame(3, "TCON", textBody(LATIN1, "(101)(183)Books")),
                new byte[4])));
        byte[] title = textBody(UTF8, "Compressed album");
        byte[] picture = apicBody(UTF16, "image/png", 3, "Front", png);
        byte[] v24 = tag(4, 0,
                frame(4, "TALB", 0x0009, concat(syncsafe(title.length), zlib(title))),
                frame(4, "APIC", 0x0003, unsynchronise(concat(syncsafe(picture.length), picture))),
                frame(4, "TPE1", textBody(UTF16, "Author One", "Author Two")),
                frame(4, "COMM", commBody(UTF8, "eng", "", "A comment")),
                frame(4, "TRCK", textBody(LATIN1, "2/5")),
                frame(4, "TDRC", textBody(LATIN1, "2020-02-02")),
                frame(4, "CTOC", ctocBody("toc", true, true, List.of("c1", "sub"),
                        frame(4, "TIT2", textBody(LATIN1, "Contents")))),
                frame(4, "CTOC", ctocBody("sub", false, true, List.of("c2", "gone"))),
                frame(4, "CHAP", chapBody("c2", 1000, 2000, frame(4, "TIT2", textBody(UTF16, "Second")))),
                frame(4, "CHAP", chapBody("c1", 0, 1000, frame(4, "TIT2", 0x0001,
                        concat(syncsafe(7), textBody(LATIN1, "First"))))),
                new byte[32]);
        byte[] v22 = tag(2, 0, frame(2, "TT2", textBody(LATIN1, "v2.2 title")),
                frame(2, "TP2", textBody(LATIN1, "Album artist")));
        byte[] apeTag = TagBytes.ape(true, TagBytes.apeText("Series", "APE series"),
                TagBytes.apeItem("Cover Art (Front)", 1, concat("f.jpg\0".getBytes(), TagBytes.jpeg(40, 13))));
        byte[] lyrics = TagBytes.lyrics3("IND", "00", "EAL", "Lyrics3 album");
        byte[] enhanced = TagBytes.enhancedTag("", "", "", "Enhanced genre");
        byte[] v1 = TagBytes.id3v1("V1", "V1 artist", "V1 album", "1999", "v1 comment", 3, 101);
        return concat(v23, v24, v22, TagBytes.audio(600), apeTag, lyrics, enhanced, v1);
    }
}
