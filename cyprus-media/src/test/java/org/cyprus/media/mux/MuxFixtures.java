package org.cyprus.media.mux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cyprus.media.testing.Tools;

/**
 * Twenty-second files made with ffmpeg on first use (once per test run, in a temporary folder removed at exit): long
 * enough to cut into several ~6 s segments, varied enough (a gliding tone with a little noise) for VBR encoders to
 * vary their frame sizes. Each name says what the file is.
 */
final class MuxFixtures {
    /** A tone gliding around 330 Hz with faint noise; the second channel an octave lower. */
    private static final String LEFT = "0.3*sin(2*PI*(330+110*sin(2*PI*0.3*t))*t)+0.02*(random(0)-0.5)";
    private static final String RIGHT = "0.3*sin(2*PI*(165+55*sin(2*PI*0.2*t))*t)+0.02*(random(1)-0.5)";
    private static final int SECONDS = 20;
    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();
    private static Path dir;

    /**
     * How a fixture is encoded: its channel count, whether it is a book (three chapters, and a second audio track so
     * that FFmpeg interleaves the tracks chunk by chunk), and the ffmpeg output options after the inputs.
     */
    record Recipe(int channels, boolean book, List<String> options) {
        Recipe(int channels, List<String> options) {
            this(channels, false, options);
        }
    }

    static final Map<String, Recipe> RECIPES = Map.of(
            "aac-lc-44k-stereo.m4a", new Recipe(2, List.of("-ar", "44100", "-c:a", "aac", "-b:a", "96k")),
            "aac-lc-22k-mono-two-tracks-chapters.m4b", new Recipe(1, true, List.of("-ar", "22050", "-c:a", "aac",
                    "-b:a", "32k", "-movflags", "+faststart", "-f", "mp4")),
            "aac-lc-48k-stereo.aac", new Recipe(2, List.of("-ar", "48000", "-c:a", "aac", "-b:a", "64k", "-f", "adts")),
            "mp3-cbr-44k-128k-info.mp3", new Recipe(2, List.of("-ar", "44100", "-c:a", "libmp3lame", "-b:a", "128k")),
            "mp3-vbr-44k-xing.mp3", new Recipe(2, List.of("-ar", "44100", "-c:a", "libmp3lame", "-q:a", "5")),
            "mp3-mpeg2-22k-mono-vbr-xing.mp3", new Recipe(1, List.of("-ar", "22050", "-c:a", "libmp3lame", "-q:a", "6")),
            "mp2-48k-stereo.mp2", new Recipe(2, List.of("-ar", "48000", "-c:a", "mp2", "-b:a", "128k", "-f", "mp2")),
            "mp3-in-mp4-44k.mp4", new Recipe(2, List.of("-ar", "44100", "-c:a", "libmp3lame", "-b:a", "96k",
                    "-f", "mp4")));

    private MuxFixtures() {
    }

    static List<String> names() {
        return RECIPES.keySet().stream().sorted().toList();
    }

    /** The fixture {@code name}, made on first use. */
    static Path path(String name) {
        return MADE.computeIfAbsent(name, MuxFixtures::make);
    }

    private static synchronized Path make(String name) {
        Recipe recipe = RECIPES.get(name);
        if (recipe == null) {
            throw new IllegalArgumentException("no recipe for " + name);
        }
        Path file = directory().resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "aevalsrc=exprs='" + LEFT
                + (recipe.channels() == 1 ? "" : "|" + RIGHT) + "':s=48000:d=" + SECONDS));
        if (recipe.book()) {
            Path chapters = directory().resolve(name + ".chapters.txt");
            writeChapters(chapters);
            args.addAll(List.of("-f", "lavfi", "-i", "aevalsrc=exprs='" + RIGHT + "':s=48000:d=" + SECONDS, "-i",
                    chapters.toString(), "-map", "0:a", "-map", "1:a", "-map_chapters", "2"));
        }
        args.addAll(recipe.options());
        args.add(file.toString());
        Tools.ffmpeg(args.toArray(String[]::new));
        return file;
    }

    private static void writeChapters(Path file) {
        StringBuilder text = new StringBuilder(";FFMETADATA1\ntitle=Mux Fixture Book\n");
        for (int c = 0; c < 3; c++) {
            text.append("[CHAPTER]\nTIMEBASE=1/1000\nSTART=").append(c * 7000).append("\nEND=")
                    .append(Math.min(SECONDS * 1000, (c + 1) * 7000)).append("\ntitle=Chapter ").append(c + 1).append('\n');
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path directory() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("cyprus-mux-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
        }
        return dir;
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
