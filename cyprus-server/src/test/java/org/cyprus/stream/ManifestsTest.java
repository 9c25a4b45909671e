package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.stream.SyntheticAudio.MP3_22;
import static org.cyprus.stream.SyntheticAudio.MP3_44;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cyprus.media.testing.GoldenFiles;
import org.cyprus.stream.SyntheticAudio.PartSpec;
import org.cyprus.stream.dash.DashManifest;
import org.cyprus.stream.hls.HlsPlaylists;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The HLS playlists and DASH manifest of small synthetic books, as golden files, and their invariants. */
class ManifestsTest {
    private static final SegmentPlan MIXED = SegmentPlan.of(SyntheticAudio.book("0123456789abcdef",
            new PartSpec(MP3_44, 500), new PartSpec(MP3_44, 300), new PartSpec(MP3_22, 400)));

    @Test
    void hlsPlaylists() {
        GoldenFiles.assertMatches("stream/mixed-master.m3u8", HlsPlaylists.master(MIXED, ""));
        GoldenFiles.assertMatches("stream/mixed-media.m3u8", HlsPlaylists.media(MIXED, ""));
    }

    @Test
    void aCapabilityIsCarriedIntoEveryUri() {
        String media = HlsPlaylists.media(MIXED, "?t=abc");
        assertThat(media.lines().filter(l -> !l.startsWith("#"))).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith("?t=abc"));
        assertThat(HlsPlaylists.master(MIXED, "?t=abc").lines().filter(l -> !l.startsWith("#"))).singleElement()
                .isEqualTo("../media/0123456789abcdef/hls.m3u8?t=abc");
        assertThat(DashManifest.mpd(MIXED, "?t=a&b")).contains("seg-$Number$.m4s?t=a&amp;b\"").doesNotContain("?t=a&b");
    }

    @Test
    void dashManifestIsWellFormedWithOnePeriodPerFormat() throws Exception {
        String mpd = DashManifest.mpd(MIXED, "");
        GoldenFiles.assertMatches("stream/mixed.mpd", mpd);
        Document document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(mpd.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("Period").getLength()).isEqualTo(2);
        int segmentsListed = 0;
        var timelines = document.getElementsByTagName("S");
        for (int i = 0; i < timelines.getLength(); i++) {
            var r = timelines.item(i).getAttributes().getNamedItem("r");
            segmentsListed += 1 + (r == null ? 0 : Integer.parseInt(r.getNodeValue()));
        }
        assertThat(segmentsListed).as("every segment of the plan, once").isEqualTo(MIXED.size());
    }
}
