package org.cyprus.stream.dash;

import org.cyprus.stream.BookAudio;
import org.cyprus.stream.SegmentFormat;
import org.cyprus.stream.SegmentPlan;
import org.cyprus.stream.Timescales;

/**
 * The static DASH manifest of a book (ISO/IEC 23009-1): one Period per stream format (§5.3.2), each with a
 * SegmentTemplate over the same fragmented-MP4 segments the HLS playlist of an AAC book names, timed exactly by a
 * SegmentTimeline (§5.3.9.6) whose media times are the book's timeline (hence the presentationTimeOffset).
 */
public final class DashManifest {
    private DashManifest() {
    }

    /**
     * The MPD; it lives at {@code …/books/{id}/dash/manifest.mpd} and names segments by relative URLs.
     *
     * @param query appended to every URL (a media capability {@code ?t=…}, or empty)
     */
    public static String mpd(SegmentPlan plan, String query) {
        BookAudio book = plan.book();
        String q = xml(query);
        String base = "../media/" + book.version() + "/";
        StringBuilder out = new StringBuilder(1024 + plan.size() * 8);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"urn:mpeg:dash:profile:isoff-live:2011\" type=\"static\"")
                .append(" mediaPresentationDuration=\"").append(duration(book.durationUs())).append("\" minBufferTime=\"PT4S\">\n");
        for (BookAudio.Group group : book.groups()) {
            long timescale = group.format().timescale();
            int first = plan.firstOfGroup(group.index());
            int end = plan.endOfGroup(group.index());
            out.append("  <Period id=\"").append(group.index()).append("\" start=\"").append(duration(group.startUs())).append("\">\n")
                    .append("    <AdaptationSet contentType=\"audio\" mimeType=\"audio/mp4\" segmentAlignment=\"true\" lang=\"und\">\n")
                    .append("      <Representation id=\"audio-").append(group.index()).append("\" bandwidth=\"").append(Math.max(1, plan.peakBitrate(first, end)))
                    .append("\" codecs=\"").append(group.format().rfc6381Codec()).append("\" audioSamplingRate=\"")
                    .append(group.format().sampleRateHz()).append("\">\n")
                    .append("        <AudioChannelConfiguration schemeIdUri=\"urn:mpeg:dash:23003:3:audio_channel_configuration:2011\" value=\"")
                    .append(group.format().channels()).append("\"/>\n")
                    .append("        <SegmentTemplate timescale=\"").append(timescale).append("\" presentationTimeOffset=\"")
                    .append(group.startTime()).append("\" startNumber=\"").append(first).append("\" initialization=\"").append(base)
                    .append(SegmentFormat.initName(group.index())).append(q).append("\" media=\"").append(base).append("seg-$Number$.")
                    .append(SegmentFormat.FMP4.extension()).append(q).append("\">\n")
                    .append("          <SegmentTimeline>\n");
            timeline(plan, first, end, out);
            out.append("          </SegmentTimeline>\n        </SegmentTemplate>\n      </Representation>\n    </AdaptationSet>\n  </Period>\n");
        }
        return out.append("</MPD>\n").toString();
    }

    /** S elements, with runs of equal durations folded into {@code r} (§5.3.9.6.1). */
    private static void timeline(SegmentPlan plan, int first, int end, StringBuilder out) {
        int n = first;
        while (n < end) {
            SegmentPlan.Segment segment = plan.segment(n);
            int repeat = 0;
            while (n + repeat + 1 < end && plan.segment(n + repeat + 1).durationTime() == segment.durationTime()) {
                repeat++;
            }
            out.append("            <S t=\"").append(segment.startTime()).append("\" d=\"").append(segment.durationTime()).append('"');
            if (repeat > 0) {
                out.append(" r=\"").append(repeat).append('"');
            }
            out.append("/>\n");
            n += repeat + 1;
        }
    }

    /** An xs:duration in seconds with millisecond precision. */
    private static String duration(long us) {
        return "PT" + Timescales.seconds(us, 1_000_000L) + "S";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
