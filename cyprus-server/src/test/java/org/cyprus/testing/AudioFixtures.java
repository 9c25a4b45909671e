package org.cyprus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cyprus.media.testing.Tools;

/**
 * Tiny real audio files for library tests, made with ffmpeg: every file gets a tone of its own pitch, so no two
 * files share content (and so a fingerprint), as in a real library.
 */
public final class AudioFixtures {
    private static final AtomicInteger PITCH = new AtomicInteger();

    private AudioFixtures() {
    }

    /** A chapter of an M4B: title and span in seconds. */
    public record ChapterSpec(String title, double startSeconds, double endSeconds) {
    }

    /** An MP3 of {@code seconds} with ID3v2.3 tags. */
    public static Path mp3(Path target, double seconds, Map<String, String> tags) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", tone(seconds), "-ar", "8000", "-ac", "1",
                "-c:a", "libmp3lame", "-b:a", "8k", "-id3v2_version", "3"));
        tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
        args.add(target.toString());
        return run(target, args);
    }

    /** An MP3 of {@code seconds} as a real audiobook part would be encoded: at a given rate, channel count and bitrate. */
    public static Path mp3(Path target, double seconds, int sampleRateHz, int channels, String bitrate, Map<String, String> tags) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", tone(seconds), "-ar", Integer.toString(sampleRateHz),
                "-ac", Integer.toString(channels), "-c:a", "libmp3lame", "-b:a", bitrate, "-id3v2_version", "3"));
        tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
        args.add(target.toString());
        return run(target, args);
    }

    /** An M4B of {@code seconds} of AAC-LC at a given rate and channel count, with chapters every ten seconds. */
    public static Path m4b(Path target, double seconds, int sampleRateHz, int channels, Map<String, String> tags) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", tone(seconds), "-ar", Integer.toString(sampleRateHz),
                "-ac", Integer.toString(channels), "-c:a", "aac", "-b:a", "64k"));
        tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
        args.addAll(List.of("-f", "ipod", target.toString()));
        return run(target, args);
    }

    /** A FLAC of {@code seconds}. */
    public static Path flac(Path target, double seconds, Map<String, String> tags) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", tone(seconds), "-ar", "22050", "-ac", "1", "-c:a", "flac"));
        tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
        args.add(target.toString());
        return run(target, args);
    }

    /**
     * A long constant-bitrate MP3 made quickly: ten seconds of 128 kb/s frames (no tags, no Xing header) written
     * {@code copies} times in a row, which is itself a valid MP3 stream — about 160 KB per copy.
     */
    public static Path longMp3(Path target, int copies) {
        try {
            Files.createDirectories(target.getParent());
            Path piece = Files.createTempFile("piece-", ".mp3");
            Tools.ffmpeg("-f", "lavfi", "-i", tone(10), "-ac", "1", "-c:a", "libmp3lame", "-b:a", "128k", "-write_xing", "0",
                    "-id3v2_version", "0", "-f", "mp3", piece.toString());
            byte[] frames = Files.readAllBytes(piece);
            Files.delete(piece);
            try (var out = Files.newOutputStream(target)) {
                for (int i = 0; i < copies; i++) {
                    out.write(frames);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An M4B with chapters, tags and (optionally) an embedded JPEG cover. */
    public static Path m4b(Path target, double seconds, Map<String, String> tags, List<ChapterSpec> chapters, Path cover) {
        try {
            Files.createDirectories(target.getParent());
            Path meta = Files.createTempFile("chapters-", ".txt");
            StringBuilder text = new StringBuilder(";FFMETADATA1\n");
            tags.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            for (ChapterSpec c : chapters) {
                text.append("[CHAPTER]\nTIMEBASE=1/1000\nSTART=").append(Math.round(c.startSeconds() * 1000))
                        .append("\nEND=").append(Math.round(c.endSeconds() * 1000)).append("\ntitle=").append(c.title()).append('\n');
            }
            Files.writeString(meta, text);
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", tone(seconds), "-i", meta.toString()));
            if (cover != null) {
                args.addAll(List.of("-i", cover.toString()));
            }
            args.addAll(List.of("-map", "0:a"));
            if (cover != null) {
                args.addAll(List.of("-map", "2:v", "-c:v", "copy", "-disposition:v", "attached_pic"));
            }
            args.addAll(List.of("-map_metadata", "1", "-map_chapters", "1", "-c:a", "aac", "-b:a", "16k", "-ar", "8000", "-ac", "1",
                    "-f", "ipod", target.toString()));
            run(target, args);
            Files.delete(meta);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small JPEG of one colour. */
    public static Path jpeg(Path target, String colour) {
        return run(target, List.of("-f", "lavfi", "-i", "color=c=" + colour + ":s=64x64:d=1", "-frames:v", "1", target.toString()));
    }

    /** Rewrites {@code file}'s tags in place (the audio is copied, not re-encoded), as a tag editor would. */
    public static void retag(Path file, Map<String, String> tags) {
        try {
            String name = file.getFileName().toString();
            Path temp = file.resolveSibling("retag-" + System.nanoTime() + name.substring(name.lastIndexOf('.')));
            List<String> args = new ArrayList<>(List.of("-i", file.toString(), "-map", "0", "-c", "copy"));
            tags.forEach((k, v) -> args.addAll(List.of("-metadata", k + "=" + v)));
            if (name.endsWith(".mp3")) {
                args.addAll(List.of("-id3v2_version", "3"));
            }
            args.add(temp.toString());
            Tools.ffmpeg(args.toArray(String[]::new));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tone(double seconds) {
        int pitch = 300 + 37 * PITCH.incrementAndGet();
        return "sine=frequency=" + pitch + ":duration=" + seconds;
    }

    private static Path run(Path target, List<String> args) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.ffmpeg(args.toArray(String[]::new));
        return target;
    }
}
