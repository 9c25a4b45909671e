package org.cyprus.media.mp4;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cyprus.media.testing.Tools;

/** What ffprobe says about a file, parsed from its compact output: the independent opinion tests compare with. */
final class Ffprobe {
    private Ffprobe() {
    }

    /** A packet; {@link #UNKNOWN} where ffprobe says N/A. */
    record Packet(int streamIndex, long pts, long duration, int size, long pos) {
    }

    static final long UNKNOWN = Long.MIN_VALUE;

    record FfChapter(long startUs, long endUs, String title) {
    }

    static List<Packet> packets(Path file) {
        List<Packet> packets = new ArrayList<>();
        for (Map<String, String> f : sections(Tools.ffprobe("-show_packets", "-show_entries",
                "packet=stream_index,pts,duration,size,pos", "-of", "compact", file.toString()), "packet")) {
            packets.add(new Packet(Integer.parseInt(f.get("stream_index")), number(f.get("pts")),
                    number(f.get("duration")), Integer.parseInt(f.get("size")), number(f.get("pos"))));
        }
        return packets;
    }

    static List<FfChapter> chapters(Path file) {
        List<FfChapter> chapters = new ArrayList<>();
        for (Map<String, String> f : sections(Tools.ffprobe("-show_chapters", "-of", "compact", file.toString()), "chapter")) {
            chapters.add(new FfChapter(micros(f.get("start_time")), micros(f.get("end_time")), f.getOrDefault("tag:title", "")));
        }
        return chapters;
    }

    /** One stream's fields ({@code sample_rate}, {@code channels}, {@code profile}, {@code duration}, ...). */
    static Map<String, String> stream(Path file, int index) {
        return sections(Tools.ffprobe("-show_streams", "-select_streams", String.valueOf(index), "-of", "compact",
                file.toString()), "stream").getFirst();
    }

    private static long number(String value) {
        return value.equals("N/A") ? UNKNOWN : Long.parseLong(value);
    }

    /** The container's tags, by ffprobe's key ({@code title}, {@code album_artist}, {@code track}, ...). */
    static Map<String, String> formatTags(Path file) {
        Map<String, String> tags = new HashMap<>();
        sections(Tools.ffprobe("-show_entries", "format_tags", "-of", "compact", file.toString()), "format").getFirst()
                .forEach((key, value) -> {
                    if (key.startsWith("tag:")) {
                        tags.put(key.substring(4), value);
                    }
                });
        return tags;
    }

    /** The packets of a file's video streams: for audio files, the attached cover pictures. */
    static List<Packet> videoPackets(Path file) {
        List<Packet> packets = new ArrayList<>();
        for (Map<String, String> f : sections(Tools.ffprobe("-show_packets", "-select_streams", "v", "-show_entries",
                "packet=stream_index,size,pos", "-of", "compact", file.toString()), "packet")) {
            packets.add(new Packet(Integer.parseInt(f.get("stream_index")), UNKNOWN, UNKNOWN,
                    Integer.parseInt(f.get("size")), number(f.get("pos"))));
        }
        return packets;
    }

    static long micros(String seconds) {
        return new BigDecimal(seconds).movePointRight(6).longValueExact();
    }

    private static List<Map<String, String>> sections(String output, String kind) {
        List<Map<String, String>> sections = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith(kind + "|")) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String part : line.split("\\|")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            sections.add(fields);
        }
        return sections;
    }
}
