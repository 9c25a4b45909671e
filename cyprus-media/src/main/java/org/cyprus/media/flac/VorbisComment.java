package org.cyprus.media.flac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/**
 * A Vorbis comment (Vorbis I specification §5.2.1): a vendor string and {@code NAME=value} fields, all lengths
 * little-endian. FLAC stores one in its VORBIS_COMMENT block (RFC 9639 §8.6), Ogg Vorbis and Opus in their
 * comment header packets, without or with a trailing framing bit.
 *
 * @param vendor the encoder library's vendor string
 * @param fields the fields in file order; names upper-cased (field names are case-insensitive, §5.2.2)
 */
public record VorbisComment(String vendor, List<Field> fields) {
    /** Fields beyond this count are ignored: no real tag has this many, a hostile one may. */
    static final int MAX_FIELDS = 65_536;
    private static final int MAX_VENDOR_BYTES = 4096;

    /** One {@code NAME=value} field. */
    public record Field(String name, String value) {
    }

    public VorbisComment {
        fields = List.copyOf(fields);
    }

    /**
     * Reads a comment from the reader's position to its end. A comment cut short (by truncation or a hostile
     * length) keeps the fields read so far and adds a warning; it never throws for a bad length.
     */
    public static VorbisComment parseVorbisComment(ByteReader r, List<String> warnings)
            throws IOException, MediaException {
        long start = r.position();
        if (r.remaining() < 8) {
            warnings.add("Vorbis comment at offset " + start + " is only " + r.remaining() + " bytes long");
            return new VorbisComment("", List.of());
        }
        long vendorBytes = le32(r);
        if (vendorBytes > r.remaining() - 4) {
            warnings.add("Vorbis comment vendor string claims " + vendorBytes + " bytes; only " + r.remaining() + " remain");
            return new VorbisComment("", List.of());
        }
        String vendor = text(r, (int) vendorBytes, MAX_VENDOR_BYTES);
        long count = le32(r);
        if (count > r.remaining() / 4) {
            warnings.add("Vorbis comment claims " + count + " fields but " + r.remaining() + " bytes hold at most "
                    + r.remaining() / 4);
        }
        List<Field> fields = new ArrayList<>();
        int malformed = 0;
        for (long i = 0; i < count; i++) {
            if (fields.size() == MAX_FIELDS) {
                warnings.add("Vorbis comment has more than " + MAX_FIELDS + " fields; the rest were ignored");
                break;
            }
            if (r.remaining() < 4) {
                warnings.add("Vorbis comment ends after " + i + " of " + count + " fields");
                break;
            }
            long length = le32(r);
            if (length > r.remaining()) {
                warnings.add("Vorbis comment field " + i + " claims " + length + " bytes; only " + r.remaining() + " remain");
                break;
            }
            String field = new String(r.bytes((int) length), StandardCharsets.UTF_8);
            int equals = field.indexOf('=');
            if (equals <= 0) {
                malformed++;
                continue;
            }
            fields.add(new Field(field.substring(0, equals).toUpperCase(Locale.ROOT), field.substring(equals + 1)));
        }
        if (malformed > 0) {
            warnings.add("Vorbis comment: " + malformed + " fields without the NAME=value form were ignored");
        }
        return new VorbisComment(vendor, fields);
    }

    /** Values of the fields named {@code name} (upper case), in file order. */
    public List<String> values(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).toList();
    }

    private static String text(ByteReader r, int length, int maxBytes) throws IOException, MediaException {
        int kept = Math.min(length, maxBytes);
        String text = new String(r.bytes(kept), StandardCharsets.UTF_8);
        r.skip(length - kept);
        return text;
    }

    private static long le32(ByteReader r) throws IOException, MediaException {
        return Integer.toUnsignedLong(Integer.reverseBytes(r.s32()));
    }
}
