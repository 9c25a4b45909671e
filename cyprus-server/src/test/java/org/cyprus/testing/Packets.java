package org.cyprus.testing;

import java.nio.file.Path;
import java.util.List;
import org.cyprus.media.testing.Tools;

/** The audio packets of a media file or URL as ffprobe reports them: an independent account of where frames lie. */
public final class Packets {
    private Packets() {
    }

    /** One packet: its presentation time and duration in seconds, its byte position (or -1) and size. */
    public record Packet(double ptsSeconds, double durationSeconds, long position, int sizeBytes) {
        public boolean contains(double seconds) {
            return ptsSeconds <= seconds && seconds < ptsSeconds + durationSeconds;
        }
    }

    public static List<Packet> of(Path file) {
        return of(file.toString());
    }

    /** The packets of the first audio stream of {@code input} (a file or a URL ffprobe can open). */
    public static List<Packet> of(String input) {
        String csv = Tools.ffprobe("-v", "error", "-select_streams", "a:0", "-show_entries", "packet=pts_time,duration_time,pos,size",
                "-of", "csv=p=0", input);
        return csv.lines().filter(l -> !l.isBlank()).map(Packets::parse).toList();
    }

    private static Packet parse(String line) {
        String[] f = line.split(",");
        return new Packet(number(f[0]), number(f[1]), f[3].equals("N/A") ? -1 : Long.parseLong(f[3]), Integer.parseInt(f[2]));
    }

    private static double number(String s) {
        return s.equals("N/A") ? 0 : Double.parseDouble(s);
    }

    /** The duration ffprobe gives the container of {@code input}, in seconds. */
    public static double duration(String input) {
        return Double.parseDouble(Tools.ffprobe("-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", input).strip());
    }
}
