package org.cyprus.media.id3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyprus.media.Chapter;

/**
 * Builds the chapter list of one tag from its {@code CHAP} and {@code CTOC} frames (ID3v2 Chapter Frame Addendum),
 * which may come in any order. The order is the top-level table of contents' (nested tables flattened in place),
 * else start time. Ends before starts and overlaps with the next chapter are clamped.
 */
final class ChapterList {
    /** Tables of contents nested deeper than this are not followed (and cycles never are). */
    static final int MAX_TOC_DEPTH = 16;

    private ChapterList() {
    }

    static List<Chapter> fromFrames(List<Id3Frame> frames, Diagnostics diag) {
        Map<String, Id3Frame.Chap> chapters = new LinkedHashMap<>();
        Map<String, Id3Frame.Ctoc> tocs = new LinkedHashMap<>();
        for (Id3Frame frame : frames) {
            if (frame instanceof Id3Frame.Chap chap && chapters.putIfAbsent(chap.elementId(), chap) != null
                    || frame instanceof Id3Frame.Ctoc toc && tocs.putIfAbsent(toc.elementId(), toc) != null) {
                diag.warn("element id " + Diagnostics.quote(elementId(frame)) + " is used twice; the first is kept");
            }
        }
        if (chapters.isEmpty()) {
            return List.of();
        }
        Map<String, Id3Frame.Chap> listed = new LinkedHashMap<>();
        rootToc(tocs).ifPresent(root -> {
            flatten(root, chapters, tocs, new HashSet<>(), listed, 0, diag);
            if (!listed.isEmpty() && listed.size() < chapters.size()) {
                diag.warn((chapters.size() - listed.size()) + " chapters are not in the table of contents and "
                        + "are left out");
            }
        });
        List<Id3Frame.Chap> ordered = new ArrayList<>(listed.values());
        if (ordered.isEmpty()) {
            ordered.addAll(chapters.values());
            ordered.sort(Comparator.comparingLong(Id3Frame.Chap::startMs));
        }
        return clamp(ordered, diag);
    }

    private static String elementId(Id3Frame frame) {
        return frame instanceof Id3Frame.Chap c ? c.elementId() : ((Id3Frame.Ctoc) frame).elementId();
    }

    /** The top-level table (flag a); failing that, the first table no other table lists as a child. */
    private static Optional<Id3Frame.Ctoc> rootToc(Map<String, Id3Frame.Ctoc> tocs) {
        Set<String> children = new HashSet<>();
        for (Id3Frame.Ctoc toc : tocs.values()) {
            if (toc.topLevel()) {
                return Optional.of(toc);
            }
            children.addAll(toc.childIds());
        }
        return tocs.values().stream().filter(t -> !children.contains(t.elementId())).findFirst();
    }

    private static void flatten(Id3Frame.Ctoc toc, Map<String, Id3Frame.Chap> chapters,
            Map<String, Id3Frame.Ctoc> tocs, Set<String> visited, Map<String, Id3Frame.Chap> out, int depth,
            Diagnostics diag) {
        if (!visited.add(toc.elementId())) {
            diag.warn("table of contents " + Diagnostics.quote(toc.elementId()) + " is listed twice; ignored");
            return;
        }
        if (depth > MAX_TOC_DEPTH) {
            diag.warn("tables of contents nest deeper than " + MAX_TOC_DEPTH + " levels; the rest is ignored");
            return;
        }
        for (String child : toc.childIds()) {
            Id3Frame.Chap chapter = chapters.get(child);
            Id3Frame.Ctoc nested = tocs.get(child);
            if (chapter != null) {
                out.putIfAbsent(child, chapter);
            } else if (nested != null) {
                flatten(nested, chapters, tocs, visited, out, depth + 1, diag);
            } else {
                diag.warn("table of contents " + Diagnostics.quote(toc.elementId()) + " lists "
                        + Diagnostics.quote(child) + ", which no frame defines; skipped");
            }
        }
    }

    private static List<Chapter> clamp(List<Id3Frame.Chap> ordered, Diagnostics diag) {
        List<Chapter> result = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Id3Frame.Chap chap = ordered.get(i);
            long startUs = chap.startMs() * 1000;
            long endUs = chap.endMs() * 1000;
            long nextUs = i + 1 < ordered.size() ? ordered.get(i + 1).startMs() * 1000 : -1;
            if (endUs < startUs) {
                endUs = nextUs > startUs ? nextUs : startUs;
                diag.warn("chapter " + Diagnostics.quote(chap.elementId()) + " ends before it starts; it now ends at "
                        + endUs / 1000 + " ms");
            } else if (nextUs >= startUs && endUs > nextUs) {
                endUs = nextUs;
                diag.warn("chapter " + Diagnostics.quote(chap.elementId()) + " overlaps the next; it now ends at "
                        + endUs / 1000 + " ms");
            }
            result.add(new Chapter(title(chap), startUs, endUs));
        }
        return result;
    }

    /** The chapter's {@code TIT2}; a {@code TIT3} (subtitle, often a description) only when there is no title. */
    private static String title(Id3Frame.Chap chap) {
        return Id3Frame.firstText(chap.subFrames(), "TIT2").filter(t -> !t.isBlank())
                .or(() -> Id3Frame.firstText(chap.subFrames(), "TIT3"))
                .map(String::strip)
                .orElse("");
    }
}
