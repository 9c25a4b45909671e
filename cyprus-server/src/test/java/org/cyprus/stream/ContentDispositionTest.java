package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Content-Disposition with a file name, RFC 6266 with RFC 8187 encoding. */
class ContentDispositionTest {

    @Test
    void plainAsciiNamesAppearInBothParameters() {
        assertThat(ContentDisposition.inline("Part 1.mp3")).isEqualTo("inline; filename=\"Part 1.mp3\"; filename*=UTF-8''Part%201.mp3");
        assertThat(ContentDisposition.attachment("book.m4b")).isEqualTo("attachment; filename=\"book.m4b\"; filename*=UTF-8''book.m4b");
    }

    @Test
    void nonAsciiNamesGetAnAsciiFallbackAndPercentEncodedUtf8() {
        assertThat(ContentDisposition.inline("Béa – Chapitre 1.mp3")).isEqualTo(
                "inline; filename=\"Bea _ Chapitre 1.mp3\"; filename*=UTF-8''B%C3%A9a%20%E2%80%93%20Chapitre%201.mp3");
        assertThat(ContentDisposition.inline("日本.mp3")).isEqualTo("inline; filename=\"__.mp3\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.mp3");
        assertThat(ContentDisposition.asciiFallback("🎧 x.mp3")).as("one character, one replacement").isEqualTo("_ x.mp3");
    }

    @Test
    void quotesBackslashesPercentAndControlsNeverReachTheQuotedName() {
        assertThat(ContentDisposition.asciiFallback("a\"b\\c%41d\r\ne\u0000.mp3")).isEqualTo("a_b_c_41d__e_.mp3");
        assertThat(ContentDisposition.extValue("a\"b\\c%41d\r\n;,='*.mp3")).isEqualTo("a%22b%5Cc%2541d%0D%0A%3B%2C%3D%27%2A.mp3");
    }

    @Test
    void attrCharsOfRfc8187StayAsTheyAre() {
        assertThat(ContentDisposition.extValue("AZaz09!#$&+-.^_`|~")).isEqualTo("AZaz09!#$&+-.^_`|~");
    }
}
