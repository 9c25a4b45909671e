package org.cyprus.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/byteranges} body back into its parts (RFC 9110 §14.6, RFC 2046 §5.1.1), strictly: no
 * preamble or epilogue, CRLF line ends, a close delimiter at the very end.
 */
public final class MultipartByteranges {
    private MultipartByteranges() {
    }

    /** One part: its header fields (names in lower case) and its content. */
    public record Part(Map<String, String> headers, byte[] content) {
    }

    /** The boundary parameter of a {@code multipart/byteranges} Content-Type. */
    public static String boundary(String contentType) {
        String prefix = "multipart/byteranges; boundary=";
        if (!contentType.startsWith(prefix)) {
            throw new AssertionError("not multipart/byteranges: " + contentType);
        }
        return contentType.substring(prefix.length());
    }

    public static List<Part> parse(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte, so offsets are byte offsets
        String delimiter = "--" + boundary;
        String between = "\r\n" + delimiter;
        if (!text.startsWith(delimiter)) {
            throw new AssertionError("the body does not start with the first delimiter");
        }
        List<Part> parts = new ArrayList<>();
        int at = delimiter.length();
        while (true) {
            if (text.startsWith("--\r\n", at)) {
                if (at + 4 != text.length()) {
                    throw new AssertionError("bytes after the close delimiter");
                }
                return parts;
            }
            if (!text.startsWith("\r\n", at)) {
                throw new AssertionError("no CRLF after a delimiter at " + at);
            }
            int headersEnd = text.indexOf("\r\n\r\n", at + 2);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : text.substring(at + 2, headersEnd).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int contentStart = headersEnd + 4;
            int contentEnd = text.indexOf(between, contentStart);
            if (contentEnd < 0) {
                throw new AssertionError("a part without a following delimiter");
            }
            byte[] content = new byte[contentEnd - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(new Part(headers, content));
            at = contentEnd + between.length();
        }
    }
}
