package org.cyprus.media.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.media.testing.Tools;

/**
 * What FFmpeg makes of a file: the packets ffprobe demuxes from its audio stream (time stamps in the stream's time
 * base) and whatever a full decode ({@code ffmpeg -v error -i FILE -f null -}) complains about.
 */
record FfprobePackets(long timeBaseNum, long timeBaseDen, List<Packet> packets) {
    private static final Pattern TIME_BASE = Pattern.compile("time_base=(\\d+)/(\\d+)");
    private static final Pattern PACKET = Pattern.compile("packet\\|(.*)");

    record Packet(long pts, long duration, int size) {
    }

    static FfprobePackets of(Path file) {
        String stream = Tools.ffprobe("-select_streams", "a:0", "-show_entries", "stream=time_base", "-of", "compact",
                file.toString());
        Matcher tb = TIME_BASE.matcher(stream);
        assertThat(tb.find()).as("time base of %s in %s", file, stream).isTrue();
        String out = Tools.ffprobe("-select_streams", "a:0", "-show_entries", "packet=pts,duration,size", "-of",
                "compact", file.toString());
        List<Packet> packets = new ArrayList<>();
        Matcher m = PACKET.matcher(out);
        while (m.find()) {
            long pts = Long.MIN_VALUE;
            long duration = -1;
            int size = -1;
            for (String field : m.group(1).split("\\|")) {
                String[] kv = field.split("=", 2);
                switch (kv[0]) {
                    case "pts" -> pts = kv[1].equals("N/A") ? Long.MIN_VALUE : Long.parseLong(kv[1]);
                    case "duration" -> duration = kv[1].equals("N/A") ? -1 : Long.parseLong(kv[1]);
                    case "size" -> size = Integer.parseInt(kv[1]);
                    default -> {
                    }
                }
            }
            packets.add(new Packet(pts, duration, size));
        }
        return new FfprobePackets(Long.parseLong(tb.group(1)), Long.parseLong(tb.group(2)), packets);
    }

    /** {@code time} (in {@code timescale} units) in this stream's time base, rounded down. */
    long toTimeBase(long time, long timescale) {
        return Math.floorDiv(Math.multiplyExact(time, timeBaseDen), Math.multiplyExact(timescale, timeBaseNum));
    }

    /** The lines {@code ffmpeg -v error -i FILE -f null -} writes; empty when FFmpeg decodes the file cleanly. */
    static String decodeErrors(Path file) {
        Tools.run("ffmpeg", "-version"); // fails clearly when ffmpeg is missing
        try {
            Path err = Files.createTempFile("ffmpeg-", ".err");
            try {
                Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-i",
                        file.toString(), "-f", "null", "-").redirectErrorStream(true).redirectOutput(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("ffmpeg timed out on " + file);
                }
                String output = Files.readString(err, StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? output : "exit " + process.exitValue() + ": " + output;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
