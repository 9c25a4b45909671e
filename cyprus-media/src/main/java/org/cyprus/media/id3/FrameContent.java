package org.cyprus.media.id3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.cyprus.media.MediaException;
import org.cyprus.media.id3.FrameBody.FrameData;
import org.cyprus.media.io.ArrayByteSource;

/** Reads the content of the frames Cyprus interprets: text, user text, comments, pictures and chapters. */
final class FrameContent {
    private FrameContent() {
    }

    /** Whether Cyprus reads frames with (normalised) id {@code id}; others are skipped unread. */
    static boolean interprets(String id, boolean nested) {
        if (FrameIds.isTextInformation(id) || id.equals("TXXX") || id.equals("COMM")) {
            return true;
        }
        return !nested && (id.equals("APIC") || id.equals("PIC") || id.equals("CHAP") || id.equals("CTOC"));
    }

    static Optional<Id3Frame> parse(String id, FrameData data, FrameFormat format, boolean nested, Diagnostics diag)
            throws IOException, MediaException {
        Id3Frame frame = switch (id) {
            case "TXXX" -> parseTxxx(data, format);
            case "COMM" -> parseComm(data);
            case "APIC", "PIC" -> PictureFrames.parseInMemory(id, data);
            case "CHAP" -> parseChap(data, format, diag);
            case "CTOC" -> parseCtoc(data, format, diag);
            default -> parseText(id, data, format);
        };
        describe(frame, diag);
        return Optional.of(frame);
    }

    /** Text information frames: an encoding byte and strings (id3v2.4.0-frames §4.2). */
    static Id3Frame.Text parseText(String id, FrameData data, FrameFormat format) throws MediaException {
        int encoding = encoding(data);
        List<String> values = Id3Text.readAll(data.bytes(), data.from() + 1, data.to(), encoding);
        return new Id3Frame.Text(id, firstOnlyBeforeV24(values, format));
    }

    /** {@code TXXX}: encoding, description, value(s) (id3v2.4.0-frames §4.2.6). */
    static Id3Frame.UserText parseTxxx(FrameData data, FrameFormat format) throws MediaException {
        int encoding = encoding(data);
        Id3Text.Terminated description = Id3Text.readTerminated(data.bytes(), data.from() + 1, data.to(), encoding);
        List<String> values = Id3Text.readAll(data.bytes(), description.next(), data.to(), encoding);
        return new Id3Frame.UserText(description.value(), firstOnlyBeforeV24(values, format));
    }

    /** {@code COMM}: encoding, three-letter language, short description, text (id3v2.4.0-frames §4.10). */
    static Id3Frame.Comment parseComm(FrameData data) throws MediaException {
        int encoding = encoding(data);
        if (data.length() < 4) {
            throw FrameReader.corrupt("a comment frame needs a language");
        }
        byte[] b = data.bytes();
        String language = new String(b, data.from() + 1, 3, StandardCharsets.ISO_8859_1);
        Id3Text.Terminated description = Id3Text.readTerminated(b, data.from() + 4, data.to(), encoding);
        Id3Text.Terminated text = Id3Text.readTerminated(b, description.next(), data.to(), encoding);
        return new Id3Frame.Comment(language, description.value(), text.value());
    }

    /**
     * {@code CHAP}: element id, start and end time in milliseconds, start and end byte offsets (not used: times are
     * exact, offsets depend on the tag's size), then sub-frames (ID3v2 Chapter Frame Addendum §3.1).
     */
    static Id3Frame.Chap parseChap(FrameData data, FrameFormat format, Diagnostics diag)
            throws IOException, MediaException {
        byte[] b = data.bytes();
        Id3Text.Terminated elementId = Id3Text.readTerminated(b, data.from(), data.to(), Id3Text.LATIN1);
        int at = elementId.next();
        if (!elementId.terminated() || data.to() - at < 16) {
            throw FrameReader.corrupt("a chapter frame needs an element id and four times/offsets");
        }
        long startMs = Syncsafe.plain(b, at);
        long endMs = Syncsafe.plain(b, at + 4);
        diag.line("chapter " + Diagnostics.quote(elementId.value()) + " " + startMs + "..." + endMs + " ms");
        return new Id3Frame.Chap(elementId.value(), startMs, endMs, subFrames(data, at + 16, format, diag));
    }

    /**
     * {@code CTOC}: element id, flags (bit 1 top-level, bit 0 ordered), entry count, child element ids, then
     * sub-frames (ID3v2 Chapter Frame Addendum §3.2).
     */
    static Id3Frame.Ctoc parseCtoc(FrameData data, FrameFormat format, Diagnostics diag)
            throws IOException, MediaException {
        byte[] b = data.bytes();
        Id3Text.Terminated elementId = Id3Text.readTerminated(b, data.from(), data.to(), Id3Text.LATIN1);
        int at = elementId.next();
        if (!elementId.terminated() || data.to() - at < 2) {
            throw FrameReader.corrupt("a table of contents frame needs an element id, flags and a count");
        }
        int flags = b[at] & 0xFF;
        int count = b[at + 1] & 0xFF;
        at += 2;
        List<String> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (at >= data.to()) {
                diag.warn("table of contents " + Diagnostics.quote(elementId.value()) + " lists " + count
                        + " entries but holds " + i);
                break;
            }
            Id3Text.Terminated child = Id3Text.readTerminated(b, at, data.to(), Id3Text.LATIN1);
            children.add(child.value());
            at = child.next();
        }
        diag.line("table of contents " + Diagnostics.quote(elementId.value()) + ((flags & 2) != 0 ? " top-level" : "")
                + ((flags & 1) != 0 ? " ordered" : "") + " children=" + children);
        return new Id3Frame.Ctoc(elementId.value(), (flags & 2) != 0, (flags & 1) != 0, children,
                subFrames(data, at, format, diag));
    }

    private static List<Id3Frame> subFrames(FrameData data, int from, FrameFormat format, Diagnostics diag)
            throws IOException {
        if (from >= data.to()) {
            return List.of();
        }
        byte[] copy = Arrays.copyOfRange(data.bytes(), from, data.to());
        FrameFormat inner = new FrameFormat(format.majorVersion(), format.plainSizes(), false);
        OptionalLong fileOffset = data.fileOffset().isPresent()
                ? OptionalLong.of(data.fileOffset().getAsLong() + from - data.from()) : OptionalLong.empty();
        FrameArea area = new FrameArea(new ArrayByteSource(copy), 0, copy.length, false, fileOffset);
        return FrameReader.readFrames(area, 0, inner, true, diag);
    }

    private static int encoding(FrameData data) throws MediaException {
        if (data.length() < 1) {
            throw FrameReader.corrupt("the frame has no text encoding byte");
        }
        int encoding = data.bytes()[data.from()] & 0xFF;
        if (!Id3Text.knownEncoding(encoding)) {
            throw FrameReader.corrupt("unknown text encoding " + encoding);
        }
        return encoding;
    }

    /**
     * Up to v2.3 a text frame holds one string and whatever follows its terminator "should be ignored"
     * (id3v2.3.0 §4.2); v2.4 allows several strings separated by terminators (id3v2.4.0-frames §4.2).
     */
    private static List<String> firstOnlyBeforeV24(List<String> values, FrameFormat format) {
        return format.majorVersion() >= 4 || values.size() <= 1 ? values : values.subList(0, 1);
    }

    private static void describe(Id3Frame frame, Diagnostics diag) {
        switch (frame) {
            case Id3Frame.Text t -> diag.line("text " + quoted(t.values()));
            case Id3Frame.UserText u ->
                    diag.line("user text " + Diagnostics.quote(u.description()) + " " + quoted(u.values()));
            case Id3Frame.Comment c -> diag.line("comment lang=" + Diagnostics.quote(c.language()) + " description="
                    + Diagnostics.quote(c.description()) + " text=" + Diagnostics.quote(c.text()));
            case Id3Frame.Picture p -> diag.line(PictureFrames.describe(p));
            default -> {
                // chapters describe themselves before their sub-frames
            }
        }
    }

    static String quoted(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(Diagnostics.quote(values.get(i)));
        }
        return s.append(']').toString();
    }
}
