package org.cyprus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged {@code cyprus.jar} run as its own process, the way the launcher runs it. */
public final class CyprusProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private CyprusProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** The java executable of the running JVM (the build's JDK 25). */
    public static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    public static Path jar() {
        String jar = System.getProperty("cyprus.jar");
        Path path = jar != null ? Path.of(jar) : RepositoryRoot.path().resolve("cyprus-server/target/cyprus.jar");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("build the jar first: " + path);
        }
        return path;
    }

    /** Starts {@code java -jar cyprus.jar ARGS} in {@code workDir}; stdout and stderr go to one log file. */
    public static CyprusProcess start(Path workDir, String... args) {
        return start(workDir, java.util.Optional.empty(), args);
    }

    /** As {@link #start(Path, String...)}, with {@code input} as standard input. */
    public static CyprusProcess startWithInput(Path workDir, String input, String... args) {
        return start(workDir, java.util.Optional.of(input), args);
    }

    private static CyprusProcess start(Path workDir, java.util.Optional<String> input, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "-Dcyprus.home=" + RepositoryRoot.path(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(workDir, "cyprus-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            if (input.isPresent()) {
                builder.redirectInput(Files.writeString(Files.createTempFile(workDir, "stdin-", ".txt"), input.get()).toFile());
            }
            builder.environment().keySet().removeIf(k -> k.startsWith("CYPRUS_"));
            return new CyprusProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end and returns its exit status. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until the output holds a line matching {@code condition}; fails if the process ends first. */
    public String awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output().lines().toList()) {
                if (condition.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + " before the expected line; output:\n" + output());
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no expected line within " + timeout + "; output:\n" + output());
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Sends SIGTERM, as a service manager does. */
    public void terminate() {
        process.destroy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
