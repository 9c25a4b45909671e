package org.cyprus.stream;

import org.cyprus.media.Codec;

/**
 * How segments are packed. AAC goes in fragmented MP4 (CMAF, ISO/IEC 23000-19), which every HLS and DASH player
 * takes. MP3 in fragmented MP4 is refused by Chromium's media pipeline (native HLS and MSE alike, checked with
 * Chromium 156), so HLS carries MP3 books in MPEG-TS (ISO/IEC 13818-1), which Chromium, Safari and hls.js play; DASH
 * keeps fragmented MP4 for them (ffmpeg and Firefox play it).
 */
public enum SegmentFormat {
    FMP4("m4s", "video/iso.segment"),
    MPEG_TS("ts", "video/mp2t");

    private final String extension;
    private final String mimeType;

    SegmentFormat(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    public String extension() {
        return extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format of a book's HLS segments: fragmented MP4 when every part is AAC, MPEG-TS otherwise. */
    public static SegmentFormat forHls(BookAudio book) {
        return book.groups().stream().allMatch(g -> g.format().codec() == Codec.AAC) ? FMP4 : MPEG_TS;
    }

    /** The segment file name of segment {@code number}. */
    public String segmentName(int number) {
        return "seg-" + number + "." + extension;
    }

    /** The initialization segment of {@code group} (fragmented MP4 only). */
    public static String initName(int group) {
        return "init-" + group + ".mp4";
    }
}
