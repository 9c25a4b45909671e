package org.cyprus.media.id3;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings in ID3v2 frames, by the encoding byte that precedes them (id3v2.4.0-structure §4): 0 ISO-8859-1, 1
 * UTF-16 with a byte order mark, 2 UTF-16BE, 3 UTF-8. Strings end with a NUL of the encoding's width (one byte,
 * or two aligned bytes for UTF-16). Malformed bytes decode to U+FFFD and never fail.
 */
final class Id3Text {
    static final int LATIN1 = 0;
    static final int UTF16_BOM = 1;
    static final int UTF16BE = 2;
    static final int UTF8 = 3;
    /** Values beyond this many in one frame are dropped; no real tag lists more. */
    static final int MAX_VALUES = 1000;

    private Id3Text() {
    }

    /**
     * A string and the position just past its terminator, or the end of the range when it has none.
     *
     * @param terminated whether a terminator was found
     */
    record Terminated(String value, int next, boolean terminated) {
    }

    static boolean knownEncoding(int encoding) {
        return encoding >= LATIN1 && encoding <= UTF8;
    }

    /** The string starting at {@code from}, up to its terminator or {@code to}. */
    static Terminated readTerminated(byte[] bytes, int from, int to, int encoding) {
        boolean wide = encoding == UTF16_BOM || encoding == UTF16BE;
        int step = wide ? 2 : 1;
        for (int i = from; i + step <= to; i += step) {
            if (bytes[i] == 0 && (!wide || bytes[i + 1] == 0)) {
                return new Terminated(decode(bytes, from, i, encoding), i + step, true);
            }
        }
        return new Terminated(decode(bytes, from, to, encoding), to, false);
    }

    /**
     * Every NUL-separated string in {@code [from, to)}, at most {@link #MAX_VALUES}; empty strings at the end
     * (trailing NULs) are dropped.
     */
    static List<String> readAll(byte[] bytes, int from, int to, int encoding) {
        List<String> values = new ArrayList<>();
        int position = from;
        while (position < to && values.size() < MAX_VALUES) {
            Terminated t = readTerminated(bytes, position, to, encoding);
            values.add(t.value());
            position = t.next();
        }
        while (!values.isEmpty() && values.getLast().isEmpty()) {
            values.removeLast();
        }
        return values;
    }

    /**
     * Bytes {@code [from, to)} as text. UTF-16 (encoding 1) takes its byte order from the BOM and, when the BOM
     * is missing, assumes little-endian as the common Windows writers did; any leading BOM is dropped.
     */
    static String decode(byte[] bytes, int from, int to, int encoding) {
        if (to <= from) {
            return "";
        }
        Charset charset = StandardCharsets.ISO_8859_1;
        int start = from;
        switch (encoding) {
            case UTF16_BOM -> {
                charset = StandardCharsets.UTF_16LE;
                if (to - from >= 2 && (bytes[from] & 0xFF) == 0xFE && (bytes[from + 1] & 0xFF) == 0xFF) {
                    charset = StandardCharsets.UTF_16BE;
                    start += 2;
                } else if (to - from >= 2 && (bytes[from] & 0xFF) == 0xFF && (bytes[from + 1] & 0xFF) == 0xFE) {
                    start += 2;
                }
            }
            case UTF16BE -> charset = StandardCharsets.UTF_16BE;
            case UTF8 -> charset = StandardCharsets.UTF_8;
            default -> charset = StandardCharsets.ISO_8859_1;
        }
        String text = new String(bytes, start, to - start, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
