package org.cyprus.media.mp4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyprus.media.CoverArt;
import org.cyprus.media.Genres;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteReader;

/**
 * Reads iTunes-style metadata: {@code moov/udta/meta/ilst} (or {@code moov/meta/ilst}), whose items each hold
 * {@code data} atoms of a well-known type, locale and payload (QuickTime File Format, "Metadata"; Apple's iTunes
 * metadata item list). Damaged items are skipped with a warning; the rest of the list is still read.
 */
final class ItunesMetadata {
    private static final int MAX_TEXT_BYTES = 1 << 20;
    private static final int TYPE_UTF16 = 2;
    private static final int TYPE_UTF16_SORT = 5;
    private static final int TYPE_JPEG = 13;
    private static final int TYPE_PNG = 14;
    private static final int TYPE_BMP = 27;
    private static final int TYPE_SIGNED = 21;
    private static final int TYPE_UNSIGNED = 22;
    private static final int DESC = BoxType.of("desc");
    private static final int LDES = BoxType.of("ldes");
    private static final int DAY = BoxType.of("©day");
    private static final int MOVEMENT_INDEX = BoxType.of("©mvi");
    private static final Map<Integer, TagKey> TEXT_ITEMS = Map.ofEntries(
            Map.entry(BoxType.of("©nam"), TagKey.TITLE),
            Map.entry(BoxType.of("©ART"), TagKey.ARTIST),
            Map.entry(BoxType.of("aART"), TagKey.ALBUM_ARTIST),
            Map.entry(BoxType.of("©alb"), TagKey.ALBUM),
            Map.entry(BoxType.of("©wrt"), TagKey.COMPOSER),
            Map.entry(BoxType.of("©nrt"), TagKey.NARRATOR),
            Map.entry(BoxType.of("©gen"), TagKey.GENRE),
            Map.entry(BoxType.of("©cmt"), TagKey.COMMENT),
            Map.entry(BoxType.of("cprt"), TagKey.COPYRIGHT),
            Map.entry(BoxType.of("©pub"), TagKey.PUBLISHER),
            Map.entry(BoxType.of("©too"), TagKey.ENCODER),
            Map.entry(BoxType.of("©mvn"), TagKey.SERIES));
    /** Freeform ({@code ----}) item names, matched case-insensitively whatever their {@code mean}. */
    private static final Map<String, TagKey> FREEFORM_ITEMS = Map.ofEntries(
            Map.entry("ASIN", TagKey.ASIN),
            Map.entry("AUDIBLE_ASIN", TagKey.ASIN),
            Map.entry("ISBN", TagKey.ISBN),
            Map.entry("SERIES", TagKey.SERIES),
            Map.entry("SERIES-PART", TagKey.SERIES_SEQUENCE),
            Map.entry("SERIES_PART", TagKey.SERIES_SEQUENCE),
            Map.entry("NARRATOR", TagKey.NARRATOR),
            Map.entry("NARRATEDBY", TagKey.NARRATOR),
            Map.entry("SUBTITLE", TagKey.SUBTITLE),
            Map.entry("LANGUAGE", TagKey.LANGUAGE),
            Map.entry("PUBLISHER", TagKey.PUBLISHER),
            Map.entry("LABEL", TagKey.PUBLISHER));
    private static final String SMPB = "ITUNSMPB";

    /** What the item list held. */
    record Result(Tags tags, Optional<CoverArt> cover, Optional<ItunSmpb> smpb, List<IlstItem> items) {
    }

    /** A {@code data} atom: its type and where its payload is. */
    private record Data(int type, long payloadOffset, long payloadBytes) {
    }

    private final BoxWalker walker;
    private final Tags.Builder tags = Tags.builder();
    private final List<String> descriptions = new ArrayList<>();
    private final List<String> longDescriptions = new ArrayList<>();
    private final List<IlstItem> items = new ArrayList<>();
    private CoverArt cover;
    private ItunSmpb smpb;

    private ItunesMetadata(BoxWalker walker) {
        this.walker = walker;
    }

    static Result read(BoxWalker walker, Movie movie) throws IOException {
        ItunesMetadata reader = new ItunesMetadata(walker);
        try {
            Optional<Box> meta = Optional.empty();
            if (movie.udta().isPresent()) {
                meta = BoxWalker.first(walker.childrenUpToDamage(movie.udta().get(), 0), BoxType.META);
            }
            meta = meta.or(movie::meta);
            if (meta.isPresent()) {
                reader.parseMeta(meta.get());
            }
        } catch (MediaException e) {
            walker.warnings().add("metadata unreadable: " + e.getMessage());
        }
        return reader.result();
    }

    /**
     * ISO/IEC 14496-12 §8.11.1 makes {@code meta} a full box; QuickTime writes it as a plain container. A full box
     * starts with version and flags 0, a QuickTime one with the size of its first child, which is never 0.
     */
    private void parseMeta(Box meta) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), meta);
        long first = r.u32();
        Optional<Box> ilst = BoxWalker.first(walker.childrenUpToDamage(meta, first == 0 ? 4 : 0), BoxType.ILST);
        if (ilst.isPresent()) {
            parseIlst(ilst.get());
        }
    }

    /** Every child of {@code ilst} is one item, named by its type. */
    private void parseIlst(Box ilst) throws IOException, MediaException {
        for (Box item : walker.childrenUpToDamage(ilst, 0)) {
            try {
                parseItem(item);
            } catch (MediaException e) {
                walker.warnings().add("metadata item " + item.name() + " at offset " + item.offset() + " skipped: "
                        + e.getMessage());
            }
        }
    }

    private void parseItem(Box item) throws IOException, MediaException {
        if (item.truncated()) {
            throw new MediaException(MediaError.TRUNCATED, "the file ends inside it");
        }
        List<Box> children = walker.children(item);
        if (item.type() == BoxType.FREEFORM) {
            parseFreeform(item, children);
            return;
        }
        for (Box child : children) {
            if (child.type() == BoxType.DATA) {
                Data data = parseData(child);
                String value = apply(item.type(), data);
                items.add(new IlstItem(item.name(), item.offset(), data.type(), value));
            }
        }
    }

    /** A {@code data} atom: a type indicator (a version byte and a 24-bit well-known type), a locale, the payload. */
    private Data parseData(Box data) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), data);
        int type = r.s32() & 0xFFFFFF;
        r.skip(4);
        return new Data(type, r.position(), r.remaining());
    }

    private String apply(int item, Data data) throws IOException, MediaException {
        TagKey key = TEXT_ITEMS.get(item);
        if (key != null) {
            String value = textOrNumber(data);
            tags.add(key, value);
            return value;
        }
        if (item == DAY) {
            String value = text(data);
            tags.date(value);
            return value;
        }
        if (item == MOVEMENT_INDEX) {
            String value = textOrNumber(data);
            tags.add(TagKey.SERIES_SEQUENCE, value);
            return value;
        }
        if (item == DESC || item == LDES) {
            String value = text(data);
            (item == LDES ? longDescriptions : descriptions).add(value);
            return value;
        }
        if (item == BoxType.TRKN || item == BoxType.DISK) {
            return parsePosition(data, item == BoxType.TRKN ? TagKey.TRACK : TagKey.DISC,
                    item == BoxType.TRKN ? TagKey.TRACK_TOTAL : TagKey.DISC_TOTAL);
        }
        if (item == BoxType.GNRE) {
            return parseGnre(data);
        }
        if (item == BoxType.COVR) {
            return parseCovr(data);
        }
        if (data.type() == TYPE_SIGNED || data.type() == TYPE_UNSIGNED) {
            return textOrNumber(data);
        }
        return data.type() != 0 && textual(data.type()) ? text(data) : binary(data);
    }

    /** {@code trkn} and {@code disk}: binary, two reserved bytes, the 16-bit number, the 16-bit total. */
    private String parsePosition(Data data, TagKey numberKey, TagKey totalKey) throws IOException, MediaException {
        if (data.type() != 0 && textual(data.type())) {
            String value = text(data);
            tags.numberOfTotal(value, numberKey, totalKey);
            return value;
        }
        byte[] bytes = payload(data, 8);
        if (bytes.length < 4) {
            return binary(data);
        }
        int number = (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
        int total = bytes.length >= 6 ? (bytes[4] & 0xFF) << 8 | (bytes[5] & 0xFF) : 0;
        tags.number(numberKey, number);
        tags.number(totalKey, total);
        return number + "/" + total;
    }

    /** {@code gnre}: a 16-bit ID3v1 genre number plus one. */
    private String parseGnre(Data data) throws IOException, MediaException {
        if (data.type() != 0 && textual(data.type())) {
            String value = text(data);
            tags.add(TagKey.GENRE, value);
            return value;
        }
        byte[] bytes = payload(data, 2);
        if (bytes.length < 2) {
            return binary(data);
        }
        int number = (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF);
        Optional<String> genre = Genres.byId3Number(number - 1);
        genre.ifPresent(g -> tags.add(TagKey.GENRE, g));
        return number + " (" + genre.orElse("unknown") + ")";
    }

    /** {@code covr}: JPEG (type 13), PNG (14) or BMP (27); the first picture is the cover, sniffed from its bytes. */
    private String parseCovr(Data data) throws IOException, MediaException {
        String fallback = switch (data.type()) {
            case TYPE_JPEG -> "image/jpeg";
            case TYPE_PNG -> "image/png";
            case TYPE_BMP -> "image/bmp";
            default -> "application/octet-stream";
        };
        String mimeType = CoverArt.sniffMimeType(payload(data, 16), fallback);
        if (data.payloadBytes() == 0 || data.payloadBytes() > Integer.MAX_VALUE) {
            return "empty or oversized picture, ignored";
        }
        if (cover == null) {
            cover = new CoverArt(mimeType, (int) data.payloadBytes(), new CoverArt.InFile(data.payloadOffset()));
        }
        return mimeType + ", " + data.payloadBytes() + " bytes at offset " + data.payloadOffset();
    }

    /** {@code ----}: a {@code mean} (the namespace), a {@code name} and {@code data}. */
    private void parseFreeform(Box item, List<Box> children) throws IOException, MediaException {
        String mean = "";
        String name = "";
        Data data = null;
        for (Box child : children) {
            if (child.type() == BoxType.MEAN || child.type() == BoxType.NAME) {
                ByteReader r = HeaderBoxes.content(walker.source(), child);
                r.skip(Math.min(4, r.remaining())); // version and flags
                String text = new String(r.bytes((int) Math.min(r.remaining(), 256)), StandardCharsets.UTF_8);
                if (child.type() == BoxType.MEAN) {
                    mean = text;
                } else {
                    name = text;
                }
            } else if (child.type() == BoxType.DATA && data == null) {
                data = parseData(child);
            }
        }
        if (data == null) {
            return;
        }
        String value = textual(data.type()) ? text(data) : binary(data);
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.equals(SMPB)) {
            smpb = ItunSmpb.parse(value).orElse(null);
            if (smpb == null) {
                walker.warnings().add("iTunSMPB at offset " + item.offset() + " is malformed: " + value.strip());
            }
        } else if (FREEFORM_ITEMS.containsKey(upper) && textual(data.type())) {
            tags.add(FREEFORM_ITEMS.get(upper), value);
        }
        items.add(new IlstItem("----:" + mean + ":" + name, item.offset(), data.type(), value));
    }

    private Result result() {
        for (String description : longDescriptions.isEmpty() ? descriptions : longDescriptions) {
            tags.add(TagKey.DESCRIPTION, description);
        }
        return new Result(tags.build(), Optional.ofNullable(cover), Optional.ofNullable(smpb), items);
    }

    /** Text in UTF-8 (types 0, 1, 4) or UTF-16 (types 2, 5; big-endian unless a byte order mark says otherwise). */
    private String text(Data data) throws IOException, MediaException {
        if (data.payloadBytes() > MAX_TEXT_BYTES) {
            walker.warnings().add("a metadata text of " + data.payloadBytes() + " bytes was cut to " + MAX_TEXT_BYTES);
        }
        byte[] bytes = payload(data, MAX_TEXT_BYTES);
        if (data.type() == TYPE_UTF16 || data.type() == TYPE_UTF16_SORT) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String textOrNumber(Data data) throws IOException, MediaException {
        if (data.type() == TYPE_SIGNED || data.type() == TYPE_UNSIGNED) {
            byte[] bytes = payload(data, 8);
            long value = 0;
            for (byte b : bytes) {
                value = value << 8 | (b & 0xFF);
            }
            if (data.type() == TYPE_SIGNED && bytes.length > 0 && bytes.length < 8) {
                value = value << (64 - 8 * bytes.length) >> (64 - 8 * bytes.length);
            }
            return Long.toString(value);
        }
        return text(data);
    }

    private byte[] payload(Data data, int maxBytes) throws IOException, MediaException {
        return walker.source().readBytes(data.payloadOffset(), (int) Math.min(data.payloadBytes(), maxBytes));
    }

    private static boolean textual(int type) {
        return type == 0 || type == 1 || type == TYPE_UTF16 || type == 4 || type == TYPE_UTF16_SORT;
    }

    private static String binary(Data data) {
        return "<" + data.payloadBytes() + " bytes of type " + data.type() + ">";
    }
}
