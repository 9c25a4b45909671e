package org.cyprus.media.id3;

import static java.util.Map.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteSource;

/**
 * APEv1/APEv2 tags (APEv2 specification, wiki.hydrogenaud.io): a 32-byte footer {@code APETAGEX} with version
 * (1000 or 2000), tag size (items and footer, not the header), item count and flags (bit 31: a header precedes),
 * all little-endian; each item is value size, flags (bits 1–2: 0 UTF-8 text, 1 binary), a key of printable ASCII
 * ending in NUL, then the value. Text values may hold several values separated by NUL.
 */
final class ApeTag {
    static final int FOOTER_BYTES = 32;
    /** Text items longer than this are skipped. */
    static final int MAX_TEXT_BYTES = 1 << 20;
    private static final int MAX_KEY_BYTES = 256;
    private static final int ITEM_HEADER_BYTES = 8;
    private static final String FRONT_COVER = "COVER ART (FRONT)";

    private static final Map<String, TagKey> KEYS = Map.ofEntries(
            entry("TITLE", TagKey.TITLE), entry("SUBTITLE", TagKey.SUBTITLE), entry("ARTIST", TagKey.ARTIST),
            entry("ALBUM ARTIST", TagKey.ALBUM_ARTIST), entry("ALBUMARTIST", TagKey.ALBUM_ARTIST),
            entry("ALBUM", TagKey.ALBUM), entry("COMPOSER", TagKey.COMPOSER), entry("NARRATOR", TagKey.NARRATOR),
            entry("COMMENT", TagKey.COMMENT), entry("DESCRIPTION", TagKey.DESCRIPTION),
            entry("PUBLISHER", TagKey.PUBLISHER), entry("COPYRIGHT", TagKey.COPYRIGHT),
            entry("LANGUAGE", TagKey.LANGUAGE), entry("ASIN", TagKey.ASIN), entry("ISBN", TagKey.ISBN),
            entry("SERIES", TagKey.SERIES), entry("SERIES-PART", TagKey.SERIES_SEQUENCE));

    private ApeTag() {
    }

    /** A read APE tag: where it starts (its header, if any), its values and its front cover. */
    record ApeContent(long start, Tags tags, Optional<CoverArt> cover) {
    }

    static boolean isApeBlock(byte[] b) {
        return b.length == FOOTER_BYTES && new String(b, 0, 8, StandardCharsets.ISO_8859_1).equals("APETAGEX");
    }

    /** The tag whose footer is at {@code footerOffset}; it may not start before {@code floor}. */
    static Optional<ApeContent> parseApe(ByteSource source, long footerOffset, long floor, Diagnostics diag)
            throws IOException, MediaException {
        byte[] footer = source.readBytes(footerOffset, FOOTER_BYTES);
        long version = littleEndian(footer, 8);
        long sizeBytes = littleEndian(footer, 12);
        long itemCount = littleEndian(footer, 16);
        long flags = littleEndian(footer, 20);
        boolean hasHeader = (flags & 0x8000_0000L) != 0;
        long itemsStart = footerOffset + FOOTER_BYTES - sizeBytes;
        diag.line("APE tag footer @" + footerOffset + " version=" + version + " size=" + sizeBytes + " items="
                + itemCount + " flags=0x" + Long.toHexString(flags) + (hasHeader ? " header" : ""));
        if (sizeBytes < FOOTER_BYTES || itemsStart < floor) {
            diag.warn("the APE tag footer at " + footerOffset + " declares " + sizeBytes + " bytes, which do not fit; "
                    + "the tag is ignored");
            return Optional.empty();
        }
        long start = itemsStart;
        if (hasHeader && itemsStart - FOOTER_BYTES >= floor
                && isApeBlock(source.readBytes(itemsStart - FOOTER_BYTES, FOOTER_BYTES))) {
            start = itemsStart - FOOTER_BYTES;
        } else if (hasHeader) {
            diag.warn("the APE tag at " + itemsStart + " announces a header that is not there");
        }
        diag.line("APE tag @" + start + (start < itemsStart ? " (header), items @" + itemsStart : ""));
        TagCollector tags = new TagCollector();
        Optional<CoverArt> cover = Optional.empty();
        long position = itemsStart;
        diag.enter();
        try {
            for (long i = 0; i < itemCount && footerOffset - position >= ITEM_HEADER_BYTES + 2; i++) {
                byte[] head = source.readBytes(position, (int) Math.min(ITEM_HEADER_BYTES + MAX_KEY_BYTES,
                        footerOffset - position));
                long valueBytes = littleEndian(head, 0);
                int type = (int) (littleEndian(head, 4) >> 1) & 3;
                int keyEnd = ITEM_HEADER_BYTES;
                while (keyEnd < head.length && head[keyEnd] != 0) {
                    keyEnd++;
                }
                long valueStart = position + keyEnd + 1;
                if (keyEnd == head.length || valueBytes > footerOffset - valueStart) {
                    diag.warn("APE item " + i + " at " + position + " runs past the tag; the rest is skipped");
                    break;
                }
                String key = new String(head, ITEM_HEADER_BYTES, keyEnd - ITEM_HEADER_BYTES, StandardCharsets.US_ASCII);
                diag.line("item " + Diagnostics.quote(key) + " @" + position + " type=" + type + " size=" + valueBytes);
                if (type == 1 && key.toUpperCase(Locale.ROOT).equals(FRONT_COVER) && cover.isEmpty()) {
                    cover = parseCover(source, valueStart, valueBytes, diag);
                } else if (type == 0) {
                    readText(source, key, valueStart, valueBytes, tags, diag);
                }
                position = valueStart + valueBytes;
            }
        } finally {
            diag.exit();
        }
        return Optional.of(new ApeContent(start, tags.build(), cover));
    }

    private static void readText(ByteSource source, String key, long valueStart, long valueBytes, TagCollector tags,
            Diagnostics diag) throws IOException, MediaException {
        if (valueBytes > MAX_TEXT_BYTES) {
            diag.warn("APE item " + Diagnostics.quote(key) + " is " + valueBytes + " bytes long; skipped");
            return;
        }
        byte[] value = source.readBytes(valueStart, (int) valueBytes);
        List<String> values = Id3Text.readAll(value, 0, value.length, Id3Text.UTF8);
        diag.line("  " + FrameContent.quoted(values));
        String upper = key.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "GENRE" -> TconGenres.parseTcon(values).forEach(g -> tags.add(TagKey.GENRE, g));
            case "YEAR" -> values.stream().findFirst().ifPresent(tags::date);
            case "TRACK" -> values.stream().findFirst()
                    .ifPresent(v -> tags.numberOfTotal(v, TagKey.TRACK, TagKey.TRACK_TOTAL));
            case "DISC" -> values.stream().findFirst()
                    .ifPresent(v -> tags.numberOfTotal(v, TagKey.DISC, TagKey.DISC_TOTAL));
            default -> {
                TagKey tagKey = KEYS.get(upper);
                if (tagKey != null) {
                    values.forEach(v -> tags.add(tagKey, v));
                }
            }
        }
    }

    /**
     * {@code Cover Art (Front)}: a file name, NUL, then the picture's bytes, which stay in the file; the type comes
     * from the bytes, else from the file name's extension.
     */
    private static Optional<CoverArt> parseCover(ByteSource source, long valueStart, long valueBytes,
            Diagnostics diag) throws IOException, MediaException {
        byte[] head = source.readBytes(valueStart, (int) Math.min(valueBytes, MAX_KEY_BYTES * 4));
        int nul = 0;
        while (nul < head.length && head[nul] != 0) {
            nul++;
        }
        long pictureBytes = valueBytes - nul - 1;
        if (nul == head.length || pictureBytes <= 0 || pictureBytes > Integer.MAX_VALUE) {
            diag.warn("the APE cover art at " + valueStart + " has no picture after its file name");
            return Optional.empty();
        }
        long pictureOffset = valueStart + nul + 1;
        String fileName = new String(head, 0, nul, StandardCharsets.UTF_8);
        int dot = fileName.lastIndexOf('.');
        String declared = PictureFrames.normaliseMime(dot < 0 ? "" : fileName.substring(dot + 1));
        byte[] sniff = source.readBytes(pictureOffset, (int) Math.min(16, pictureBytes));
        CoverArt cover = new CoverArt(CoverArt.sniffMimeType(sniff, declared), (int) pictureBytes,
                new CoverArt.InFile(pictureOffset));
        diag.line("  cover " + cover.mimeType() + " " + pictureBytes + " bytes in file @" + pictureOffset);
        return Optional.of(cover);
    }

    static long littleEndian(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | ((b[offset + 1] & 0xFFL) << 8) | ((b[offset + 2] & 0xFFL) << 16)
                | ((b[offset + 3] & 0xFFL) << 24);
    }
}
