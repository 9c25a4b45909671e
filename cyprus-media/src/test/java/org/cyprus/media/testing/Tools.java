package org.cyprus.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external programs tests generate fixtures with and cross-check against (ffmpeg, ffprobe, lame, sox,
 * espeak-ng, AtomicParsley). A missing program fails the test with a message naming it: {@code ./cyprus test}
 * installs them all, so a missing one is a broken set-up, never a reason to skip.
 */
public final class Tools {
    private Tools() {
    }

    /** Runs {@code command}, failing unless it exits with 0; returns standard output. */
    public static String run(String... command) {
        return run(List.of(command));
    }

    public static String run(List<String> command) {
        requireProgram(command.getFirst());
        try {
            Path err = Files.createTempFile("tool-", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out: " + String.join(" ", command));
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
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

    /** {@code ffmpeg -hide_banner -loglevel error -y ARGS}. */
    public static void ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    /** {@code ffprobe -v error ARGS}, returning its standard output. */
    public static String ffprobe(String... args) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-hide_banner", "-v", "error"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static void requireProgram(String program) {
        if (program.contains("/")) {
            return;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new AssertionError(program + " is not installed; ./cyprus test installs what the tests need "
                + "(as root, with apt-get)");
    }
}
