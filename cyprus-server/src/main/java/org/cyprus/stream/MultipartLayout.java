package org.cyprus.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The body of a {@code multipart/byteranges} answer laid out before a byte is sent, so that its exact
 * {@code Content-Length} is known (RFC 9110 §14.6; the framing is RFC 2046 §5.1.1's): each part is a delimiter, its
 * {@code Content-Type} and {@code Content-Range}, a blank line and the range's bytes; a closing delimiter ends it.
 *
 * @param boundary the boundary, which the random choice keeps out of the content
 * @param parts    each part's header block (delimiter included) and the range it carries
 * @param closing  the close delimiter
 */
public record MultipartLayout(String boundary, List<Part> parts, byte[] closing) {
    private static final String CRLF = "\r\n";

    public MultipartLayout {
        Objects.requireNonNull(boundary);
        parts = List.copyOf(parts);
        Objects.requireNonNull(closing);
    }

    /** One part: the bytes that precede the range's content, and the range. */
    public record Part(byte[] header, ByteRange range) {
    }

    /** The layout of {@code ranges} of a representation of {@code completeLengthBytes} and media type {@code mimeType}. */
    public static MultipartLayout of(List<ByteRange> ranges, String mimeType, long completeLengthBytes, String boundary) {
        List<Part> parts = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1); the first one has no content before it.
            String header = (parts.isEmpty() ? "" : CRLF) + "--" + boundary + CRLF
                    + "Content-Type: " + mimeType + CRLF
                    + "Content-Range: " + range.contentRange(completeLengthBytes) + CRLF
                    + CRLF;
            parts.add(new Part(header.getBytes(StandardCharsets.US_ASCII), range));
        }
        byte[] closing = (CRLF + "--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII);
        return new MultipartLayout(boundary, parts, closing);
    }

    /** A fresh boundary: 32 random hexadecimal digits (RFC 2046 §5.1.1 allows up to 70 characters). */
    public static String newBoundary() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    /** The {@code Content-Type} of the whole answer. */
    public String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** The exact length of the body. */
    public long contentLengthBytes() {
        long length = closing.length;
        for (Part part : parts) {
            length += part.header().length + part.range().lengthBytes();
        }
        return length;
    }
}
