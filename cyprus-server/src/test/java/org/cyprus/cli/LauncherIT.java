package org.cyprus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cyprus.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./cyprus} launcher script: finding a JDK 25 whatever the default java is, and its help. */
class LauncherIT {
    @TempDir
    Path work;

    record Result(int exit, String output) {
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(RepositoryRoot.path().resolve("cyprus").toString()), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().keySet().removeIf(k -> k.startsWith("CYPRUS_"));
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Path runningJdk() {
        return Path.of(System.getProperty("java.home"));
    }

    @Test
    void saysClearlyWhenNoJdk25CanBeFound() throws Exception {
        Path nowhere = Files.createDirectory(work.resolve("no-jdks"));
        // A PATH with the shell tools the launcher uses and no java or javac at all.
        Path bin = Files.createDirectory(work.resolve("bin"));
        for (String tool : List.of("bash", "env", "dirname", "readlink", "sed")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }

        Result result;
        try {
            result = launch(Map.of("CYPRUS_JDK_DIRS", nowhere.toString(), "PATH", bin.toString()), "version");
        } finally {
            for (String tool : List.of("bash", "env", "dirname", "readlink", "sed")) {
                Files.delete(bin.resolve(tool));
            }
        }

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("cyprus: no JDK 25 or newer was found").contains(nowhere.toString());
    }

    @Test
    void findsAJdk25WhenJavaHomeIsAnOlderJdk() throws Exception {
        Optional<Path> jdk17 = Stream.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-17-openjdk-arm64")
                .map(Path::of).filter(p -> Files.isExecutable(p.resolve("bin/javac"))).findFirst();
        assumeThat(jdk17).as("a JDK 17 to stand in for an old default").isPresent();

        Result result = launch(Map.of("JAVA_HOME", jdk17.get().toString(),
                "CYPRUS_JDK_DIRS", runningJdk().toString()), "version");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Cyprus ").contains("(Java " + Runtime.version().feature());
    }

    @Test
    void findsAJdk25InTheUsualPlaces() throws Exception {
        Result result = launch(Map.of("CYPRUS_JDK_DIRS", runningJdk().getParent().toString()), "--help");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("serve").contains("test").contains("version");
    }

    @Test
    void printsTheJdkItUses() throws Exception {
        Result result = launch(Map.of("CYPRUS_JDK_DIRS", runningJdk().toString()), "java-home");

        assertThat(result.exit()).isZero();
        assertThat(result.output().strip()).isEqualTo(runningJdk().toString());
    }

    @Test
    void testCommandHasHelp() throws Exception {
        Result result = launch(Map.of("CYPRUS_JDK_DIRS", runningJdk().toString()), "test", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.output()).startsWith("Usage: cyprus test");
    }
}
