package org.cyprus.stream.hls;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cyprus.stream.BookAudio;
import org.cyprus.stream.SegmentFormat;
import org.cyprus.stream.SegmentPlan;
import org.cyprus.stream.Timescales;

/**
 * The HLS playlists of a book (RFC 8216): a multivariant playlist naming one media playlist, and that VOD media
 * playlist listing every segment of the book on one timeline, with a discontinuity (§4.3.2.3) and a new media
 * initialization section (§4.3.2.5) wherever the stream format changes between parts.
 */
public final class HlsPlaylists {
    private HlsPlaylists() {
    }

    /**
     * The multivariant playlist; it lives at {@code …/books/{id}/hls/master.m3u8} and names the media playlist by a
     * relative URI.
     *
     * @param query appended to every URI (a media capability {@code ?t=…}, or empty)
     */
    public static String master(SegmentPlan plan, String query) {
        SegmentFormat format = SegmentFormat.forHls(plan.book());
        Set<String> codecs = new LinkedHashSet<>();
        for (BookAudio.Group group : plan.book().groups()) {
            codecs.add(format == SegmentFormat.FMP4 ? group.format().rfc6381Codec() : group.format().hlsTsCodec());
        }
        // §4.3.4.2: BANDWIDTH is the peak segment bitrate; AVERAGE-BANDWIDTH the average; CODECS every format present.
        return "#EXTM3U\n"
                + "#EXT-X-VERSION:7\n"
                + "#EXT-X-INDEPENDENT-SEGMENTS\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=" + Math.max(1, plan.peakBitrate()) + ",AVERAGE-BANDWIDTH=" + Math.max(1, plan.averageBitrate())
                + ",CODECS=\"" + String.join(",", codecs) + "\"\n"
                + "../media/" + plan.book().version() + "/hls.m3u8" + query + "\n";
    }

    /**
     * The media playlist; it lives next to the segments, at {@code …/books/{id}/media/{version}/hls.m3u8}.
     *
     * @param query appended to every URI (a media capability {@code ?t=…}, or empty)
     */
    public static String media(SegmentPlan plan, String query) {
        SegmentFormat format = SegmentFormat.forHls(plan.book());
        StringBuilder out = new StringBuilder(64 + plan.size() * (32 + query.length()));
        out.append("#EXTM3U\n")
                // Version 7: EXT-X-MAP outside I-frame playlists needs 6 (§7); decimal EXTINF needs 3.
                .append("#EXT-X-VERSION:7\n")
                .append("#EXT-X-TARGETDURATION:").append(plan.targetDurationSeconds()).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n")
                .append("#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (BookAudio.Group group : plan.book().groups()) {
            if (group.index() > 0) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (format == SegmentFormat.FMP4) {
                out.append("#EXT-X-MAP:URI=\"").append(SegmentFormat.initName(group.index())).append(query).append("\"\n");
            }
            long timescale = group.format().timescale();
            for (int n = plan.firstOfGroup(group.index()); n < plan.endOfGroup(group.index()); n++) {
                out.append("#EXTINF:").append(Timescales.seconds(plan.segment(n).durationTime(), timescale)).append(",\n")
                        .append(format.segmentName(n)).append(query).append('\n');
            }
        }
        return out.append("#EXT-X-ENDLIST\n").toString();
    }
}
