package org.cyprus.stream;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition} values (RFC 6266) naming a file: a plain ASCII {@code filename} for old clients and the
 * exact name as {@code filename*} in RFC 8187 encoding, which RFC 6266 §4.3 has recipients prefer.
 */
public final class ContentDisposition {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {
    }

    /** Shown in place (a player streams it). */
    public static String inline(String fileName) {
        return "inline" + parameters(fileName);
    }

    /** Saved as a file (a download to keep). */
    public static String attachment(String fileName) {
        return "attachment" + parameters(fileName);
    }

    private static String parameters(String fileName) {
        return "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + extValue(fileName);
    }

    /**
     * The name in printable ASCII, for the quoted {@code filename}: accents dropped ({@code é} → {@code e}), other
     * characters outside ASCII, controls, quotes and backslashes (escapes some clients mishandle) and {@code %}
     * (RFC 6266 §4.3: some clients decode {@code %XX} there) replaced by {@code _}.
     */
    static String asciiFallback(String fileName) {
        String decomposed = Normalizer.normalize(fileName, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < decomposed.length() && Character.isLowSurrogate(decomposed.charAt(i + 1))) {
                i++;
            }
            out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return out.isEmpty() ? "file" : out.toString();
    }

    /**
     * RFC 8187 §3.2.1: the UTF-8 bytes of the name, each byte that is not an {@code attr-char} written as
     * {@code %XX}; {@code attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"}.
     */
    static String extValue(String fileName) {
        byte[] bytes = fileName.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
