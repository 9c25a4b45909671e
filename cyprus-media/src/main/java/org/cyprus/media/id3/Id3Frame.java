package org.cyprus.media.id3;

import java.util.List;
import java.util.Optional;
import org.cyprus.media.CoverArt;

/** One decoded ID3v2 frame; ids are the v2.3/v2.4 ones (v2.2 ids are translated, see {@link FrameIds}). */
sealed interface Id3Frame {

    /** The four-character frame id. */
    String id();

    /** A text information frame {@code T000}–{@code TZZZ}: one or more values (id3v2.4.0-frames §4.2). */
    record Text(String id, List<String> values) implements Id3Frame {
        public Text {
            values = List.copyOf(values);
        }
    }

    /** {@code TXXX}: a described user text (§4.2.6). */
    record UserText(String description, List<String> values) implements Id3Frame {
        public UserText {
            values = List.copyOf(values);
        }

        @Override
        public String id() {
            return "TXXX";
        }
    }

    /** {@code COMM}: a comment with a language and a short description (§4.10). */
    record Comment(String language, String description, String text) implements Id3Frame {
        @Override
        public String id() {
            return "COMM";
        }
    }

    /**
     * {@code APIC} (or v2.2 {@code PIC}): an attached picture (§4.14).
     *
     * @param pictureType   3 is the front cover
     * @param declaredMime  the MIME type (or v2.2 image format) the frame declares
     * @param cover         the picture, with its sniffed type and where its bytes are; empty for pictures that are
     *                      not kept (inside chapters)
     */
    record Picture(String id, int pictureType, String declaredMime, String description, Optional<CoverArt> cover)
            implements Id3Frame {
    }

    /** {@code CHAP}: one chapter (ID3v2 Chapter Frame Addendum §3.1); times in milliseconds. */
    record Chap(String elementId, long startMs, long endMs, List<Id3Frame> subFrames) implements Id3Frame {
        public Chap {
            subFrames = List.copyOf(subFrames);
        }

        @Override
        public String id() {
            return "CHAP";
        }
    }

    /** {@code CTOC}: one level of the table of contents (ID3v2 Chapter Frame Addendum §3.2). */
    record Ctoc(String elementId, boolean topLevel, boolean ordered, List<String> childIds, List<Id3Frame> subFrames)
            implements Id3Frame {
        public Ctoc {
            childIds = List.copyOf(childIds);
            subFrames = List.copyOf(subFrames);
        }

        @Override
        public String id() {
            return "CTOC";
        }
    }

    /** Any frame Cyprus does not interpret, kept for the dump. */
    record Other(String id, long sizeBytes) implements Id3Frame {
    }

    /** The first value of text frame {@code id} among {@code frames}, if any. */
    static Optional<String> firstText(List<Id3Frame> frames, String id) {
        for (Id3Frame frame : frames) {
            if (frame instanceof Text text && text.id().equals(id) && !text.values().isEmpty()) {
                return Optional.of(text.values().getFirst());
            }
        }
        return Optional.empty();
    }
}
