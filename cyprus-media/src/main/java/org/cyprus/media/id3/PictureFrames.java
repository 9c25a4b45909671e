package org.cyprus.media.id3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.id3.FrameBody.FrameData;
import org.cyprus.media.io.ByteSource;

/**
 * Attached pictures: {@code APIC} (id3v2.4.0-frames §4.14) and v2.2 {@code PIC} (id3v2-00 §4.15). The picture's
 * type is sniffed from its first bytes; its bytes stay in the file unless they had to be decoded.
 */
final class PictureFrames {
    /** The fields before the picture data are looked for in this many bytes first (descriptions are short)... */
    static final int FIRST_HEADER_READ_BYTES = 512;
    /** ...and in at most this many. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The MIME type that means "the data is a URL" (id3v2.4.0-frames §4.14). */
    private static final String LINK = "-->";
    private static final int SNIFF_BYTES = 16;

    private PictureFrames() {
    }

    /** The fields in front of the picture data; {@code headerBytes} counts them. */
    record PictureHeader(int pictureType, String declaredMime, String description, int headerBytes) {
    }

    /**
     * APIC: encoding, MIME type (ISO-8859-1, NUL-terminated), picture type, description (encoded, terminated),
     * data. PIC: encoding, three-character image format ({@code JPG}, {@code PNG}), picture type, description, data.
     */
    static Optional<PictureHeader> parseHeader(String id, byte[] b, int from, int to) {
        if (to - from < 1 || !Id3Text.knownEncoding(b[from] & 0xFF)) {
            return Optional.empty();
        }
        int encoding = b[from] & 0xFF;
        int at = from + 1;
        String mime;
        if (id.equals("PIC")) {
            if (to - at < 3) {
                return Optional.empty();
            }
            mime = new String(b, at, 3, StandardCharsets.ISO_8859_1);
            at += 3;
        } else {
            Id3Text.Terminated t = Id3Text.readTerminated(b, at, to, Id3Text.LATIN1);
            if (!t.terminated()) {
                return Optional.empty();
            }
            mime = t.value();
            at = t.next();
        }
        if (at >= to) {
            return Optional.empty();
        }
        int pictureType = b[at] & 0xFF;
        Id3Text.Terminated description = Id3Text.readTerminated(b, at + 1, to, encoding);
        if (!description.terminated()) {
            return Optional.empty();
        }
        return Optional.of(new PictureHeader(pictureType, mime, description.value(), description.next() - from));
    }

    /** A picture whose frame data lies unchanged in the file at {@code dataOffset}: only its head is read. */
    static Id3Frame.Picture parseInFile(ByteSource source, String id, long dataOffset, long dataSize,
            Diagnostics diag) throws IOException, MediaException {
        int prefixBytes = (int) Math.min(dataSize, FIRST_HEADER_READ_BYTES);
        Optional<PictureHeader> parsed = parseHeader(id, source.readBytes(dataOffset, prefixBytes), 0, prefixBytes);
        if (parsed.isEmpty() && dataSize > prefixBytes) {
            prefixBytes = (int) Math.min(dataSize, MAX_HEADER_BYTES);
            parsed = parseHeader(id, source.readBytes(dataOffset, prefixBytes), 0, prefixBytes);
        }
        PictureHeader header = parsed.orElseThrow(() -> FrameReader.corrupt("unreadable picture header"));
        long pictureOffset = dataOffset + header.headerBytes();
        long pictureBytes = dataSize - header.headerBytes();
        Id3Frame.Picture picture = build(id, header, pictureBytes, () -> source.readBytes(pictureOffset,
                (int) Math.min(SNIFF_BYTES, pictureBytes)), new CoverArt.InFile(pictureOffset));
        diag.line(describe(picture));
        return picture;
    }

    /** A picture from frame data already in memory (in the file still, when {@code data} says so). */
    static Id3Frame.Picture parseInMemory(String id, FrameData data) throws IOException, MediaException {
        PictureHeader header = parseHeader(id, data.bytes(), data.from(), data.to())
                .orElseThrow(() -> FrameReader.corrupt("unreadable picture header"));
        int from = data.from() + header.headerBytes();
        CoverArt.Location location = data.fileOffset().isPresent()
                ? new CoverArt.InFile(data.fileOffset().getAsLong() + header.headerBytes())
                : new CoverArt.Inline(Arrays.copyOfRange(data.bytes(), from, data.to()));
        return build(id, header, data.to() - from,
                () -> Arrays.copyOfRange(data.bytes(), from, Math.min(data.to(), from + SNIFF_BYTES)), location);
    }

    private interface Head {
        byte[] read() throws IOException, MediaException;
    }

    private static Id3Frame.Picture build(String id, PictureHeader header, long pictureBytes, Head head,
            CoverArt.Location location) throws IOException, MediaException {
        String declared = header.declaredMime();
        if (declared.equals(LINK)) {
            return new Id3Frame.Picture(id, header.pictureType(), declared, header.description(), Optional.empty());
        }
        if (pictureBytes <= 0 || pictureBytes > Integer.MAX_VALUE) {
            throw FrameReader.corrupt("the picture has " + pictureBytes + " bytes");
        }
        String mimeType = CoverArt.sniffMimeType(head.read(), normaliseMime(declared));
        CoverArt cover = new CoverArt(mimeType, (int) pictureBytes, location);
        return new Id3Frame.Picture(id, header.pictureType(), declared, header.description(), Optional.of(cover));
    }

    /** {@code JPG}, {@code jpg}, {@code image/jpg} → {@code image/jpeg}; an empty type says nothing. */
    static String normaliseMime(String declared) {
        String mime = declared.strip().toLowerCase(Locale.ROOT);
        if (mime.isEmpty()) {
            return "application/octet-stream";
        }
        if (!mime.contains("/")) {
            mime = "image/" + mime;
        }
        return mime.equals("image/jpg") ? "image/jpeg" : mime;
    }

    static String describe(Id3Frame.Picture p) {
        String where = p.cover().map(c -> switch (c.location()) {
            case CoverArt.InFile f -> c.mimeType() + " " + c.sizeBytes() + " bytes in file @" + f.offset();
            case CoverArt.Inline i -> c.mimeType() + " " + c.sizeBytes() + " bytes inline";
        }).orElse("not kept");
        return "picture type=" + p.pictureType() + " declared=" + Diagnostics.quote(p.declaredMime())
                + " description=" + Diagnostics.quote(p.description()) + " " + where;
    }
}
