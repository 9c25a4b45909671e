package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** multipart/byteranges framing, RFC 9110 §14.6 and RFC 2046 §5.1.1. */
class MultipartLayoutTest {

    @Test
    void laysOutPartsWithTheirHeadersAndAnExactLength() {
        byte[] file = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        MultipartLayout layout = MultipartLayout.of(List.of(new ByteRange(0, 2), new ByteRange(10, 12)), "audio/mpeg", file.length, "THIS");

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (MultipartLayout.Part part : layout.parts()) {
            body.writeBytes(part.header());
            body.write(file, (int) part.range().firstByte(), (int) part.range().lengthBytes());
        }
        body.writeBytes(layout.closing());

        assertThat(body.toString(StandardCharsets.US_ASCII)).isEqualTo("""
                --THIS\r
                Content-Type: audio/mpeg\r
                Content-Range: bytes 0-2/20\r
                \r
                012\r
                --THIS\r
                Content-Type: audio/mpeg\r
                Content-Range: bytes 10-12/20\r
                \r
                abc\r
                --THIS--\r
                """);
        assertThat(layout.contentLengthBytes()).isEqualTo(body.size());
        assertThat(layout.contentType()).isEqualTo("multipart/byteranges; boundary=THIS");
    }

    @Test
    void boundariesAreFreshAndWithinRfc2046Limits() {
        String one = MultipartLayout.newBoundary();
        assertThat(one).matches("[0-9a-f]{32}");
        assertThat(MultipartLayout.newBoundary()).isNotEqualTo(one);
    }
}
