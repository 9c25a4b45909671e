package org.cyprus.media.id3;

import java.util.Map;

/** Frame identifiers: which are well-formed, and the v2.3/v2.4 equivalent of each v2.2 id Cyprus reads. */
final class FrameIds {
    /** id3v2-00 §4 (three-character ids) to id3v2.3.0 §4 (four-character ids). */
    private static final Map<String, String> V22_TO_V23 = Map.ofEntries(
            Map.entry("TT1", "TIT1"), Map.entry("TT2", "TIT2"), Map.entry("TT3", "TIT3"),
            Map.entry("TP1", "TPE1"), Map.entry("TP2", "TPE2"), Map.entry("TP3", "TPE3"),
            Map.entry("TAL", "TALB"), Map.entry("TCM", "TCOM"), Map.entry("TCO", "TCON"),
            Map.entry("TYE", "TYER"), Map.entry("TDA", "TDAT"), Map.entry("TIM", "TIME"), Map.entry("TOR", "TORY"),
            Map.entry("TRK", "TRCK"), Map.entry("TPA", "TPOS"), Map.entry("TPB", "TPUB"), Map.entry("TCR", "TCOP"),
            Map.entry("TLA", "TLAN"), Map.entry("TSS", "TSSE"), Map.entry("TEN", "TENC"), Map.entry("TLE", "TLEN"),
            Map.entry("COM", "COMM"), Map.entry("TXX", "TXXX"));

    private FrameIds() {
    }

    /**
     * Whether {@code raw} is a frame id of {@code length} characters made of capital letters A–Z and digits 0–9
     * (id3v2.4.0-structure §4.1; id3v2-00 §3.2 for three-character ids).
     */
    static boolean wellFormed(byte[] raw, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int c = raw[i];
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The v2.3 id for a v2.2 id ({@code TT2} → {@code TIT2}); ids without an equivalent keep their own name. */
    static String normalise(String id, int majorVersion) {
        if (majorVersion != 2) {
            return id;
        }
        return V22_TO_V23.getOrDefault(id, id);
    }

    /** Whether a (normalised) id is a text information frame whose content is an encoding byte and strings. */
    static boolean isTextInformation(String id) {
        return id.length() == 4 && id.charAt(0) == 'T' && !id.equals("TXXX")
                || id.equals("MVNM") || id.equals("MVIN");
    }
}
