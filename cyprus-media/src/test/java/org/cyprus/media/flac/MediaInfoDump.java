package org.cyprus.media.flac;

import java.util.List;
import org.cyprus.media.Chapter;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.SeekIndex;
import org.cyprus.media.SeekPoint;

/**
 * The readable text form of a {@link MediaInfo} that golden dumps end with; shared by the FLAC, Ogg, WAV, ADTS
 * and WavPack tests.
 */
public final class MediaInfoDump {
    private MediaInfoDump() {
    }

    public static String format(MediaInfo info) {
        StringBuilder out = new StringBuilder("== result\n");
        out.append("format: ").append(info.format().id()).append('\n');
        out.append("codec: ").append(info.codec().id()).append(" (").append(info.codecDetail()).append(")\n");
        out.append("sampleRateHz: ").append(info.sampleRateHz()).append('\n');
        out.append("channels: ").append(info.channels()).append('\n');
        out.append("bitrateBps: ").append(info.bitrateBps()).append('\n');
        out.append("durationUs: ").append(info.durationUs()).append('\n');
        out.append("gaplessDurationUs: ").append(info.gaplessDurationUs()).append('\n');
        out.append("audioBytes: ").append(info.audioStartByte()).append("..").append(info.audioEndByte()).append('\n');
        out.append("tags:").append(info.tags().isEmpty() ? " none\n" : "\n");
        info.tags().asMap().forEach((key, values) ->
                out.append("  ").append(key.jsonName()).append(": ").append(String.join(" | ", values)).append('\n'));
        out.append("chapters:").append(info.chapters().isEmpty() ? " none\n" : "\n");
        for (Chapter c : info.chapters()) {
            out.append("  ").append(c.startUs()).append("..").append(c.endUs()).append(" us: ").append(c.title()).append('\n');
        }
        out.append("cover: ").append(info.cover().map(MediaInfoDump::cover).orElse("none")).append('\n');
        out.append("warnings:").append(info.warnings().isEmpty() ? " none\n" : "\n");
        info.warnings().forEach(w -> out.append("  - ").append(w).append('\n'));
        out.append(seekIndex(info.seekIndex(), info.audioStartByte(), info.audioEndByte()));
        return out.toString();
    }

    static String cover(CoverArt cover) {
        String where = switch (cover.location()) {
            case CoverArt.InFile f -> "in file at offset " + f.offset();
            case CoverArt.Inline i -> "inline";
        };
        return cover.mimeType() + ", " + cover.sizeBytes() + " bytes, " + where;
    }

    static String seekIndex(SeekIndex index, long audioStart, long audioEnd) {
        StringBuilder out = new StringBuilder("seekIndex: ").append(index.exact() ? "exact" : "approximate")
                .append(", durationUs ").append(index.durationUs()).append('\n');
        long d = index.durationUs();
        for (long t : List.of(0L, d / 3, d / 2, d - 1, d + 1_000_000)) {
            SeekPoint p = index.seek(t);
            out.append("  seek(").append(t).append(" us) -> byte ").append(p.byteOffset()).append(" at ")
                    .append(p.timeUs()).append(" us\n");
        }
        long mid = audioStart + (audioEnd - audioStart) / 2;
        for (long b : List.of(audioStart, mid, audioEnd - 1)) {
            out.append("  timeAt(byte ").append(b).append(") -> ").append(index.timeAt(b)).append(" us\n");
        }
        return out.toString();
    }
}
