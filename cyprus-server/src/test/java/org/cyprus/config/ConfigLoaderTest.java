package org.cyprus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path SAMPLE = Path.of("/srv/cyprus/samples/library");

    @TempDir
    Path dir;

    private ServerConfig load(Map<String, String> env, Path file, Map<Setting, String> flags) {
        return new ConfigLoader(env, Optional.of(SAMPLE)).load(Optional.ofNullable(file), flags);
    }

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("cyprus.conf");
        Files.write(file, java.util.List.of(lines));
        return file;
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        ServerConfig config = load(Map.of(), null, Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.library()).contains(SAMPLE);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data", "cyprus.db"));
        assertThat(config.serverName()).isEqualTo("Cyprus");
        assertThat(config.logLevel()).isEqualTo(ServerConfig.LogLevel.INFO);
        assertThat(config.accessLog()).isTrue();
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileFlagsOverrideEnvironment() throws IOException {
        Path file = file("port = 9000", "server-name = From file", "log-level = debug", "host = 0.0.0.0");
        Map<String, String> env = Map.of("CYPRUS_PORT", "9001", "CYPRUS_SERVER_NAME", "From env");
        Map<Setting, String> flags = Map.of(Setting.PORT, "9002");

        ServerConfig config = load(env, file, flags);

        assertThat(config.port()).isEqualTo(9002);
        assertThat(config.serverName()).isEqualTo("From env");
        assertThat(config.logLevel()).isEqualTo(ServerConfig.LogLevel.DEBUG);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(load(env, file, Map.of()).port()).isEqualTo(9001);
        assertThat(load(Map.of(), file, Map.of()).port()).isEqualTo(9000);
    }

    @Test
    void configFileCanBeNamedByTheEnvironment() throws IOException {
        Path file = file("# a comment", "", "   data-dir = /var/lib/cyprus   ");

        ServerConfig config = load(Map.of("CYPRUS_CONFIG", file.toString()), null, Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/cyprus"));
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:/var/lib/cyprus/cyprus.db");
    }

    @Test
    void libraryFlagReplacesTheSampleLibrary() {
        ServerConfig config = load(Map.of(), null, Map.of(Setting.LIBRARY, "/books"));

        assertThat(config.library()).contains(Path.of("/books"));
    }

    @Test
    void withoutASampleLibraryNoLibraryIsConfigured() {
        ServerConfig config = new ConfigLoader(Map.of(), Optional.empty()).load(Optional.empty(), Map.of());

        assertThat(config.library()).isEmpty();
    }

    @Test
    void malformedValuesNameTheirSource() throws IOException {
        assertThatThrownBy(() -> load(Map.of("CYPRUS_PORT", "eighty"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The environment variable CYPRUS_PORT is 'eighty'; it must be a whole number from 0 to 65535.");
        assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.PORT, "70000")))
                .hasMessageContaining("option --port is '70000'");
        assertThatThrownBy(() -> load(Map.of(), file("access-log = maybe"), Map.of()))
                .hasMessageContaining("setting 'access-log' in " + dir.resolve("cyprus.conf"))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.LOG_LEVEL, "loud")))
                .hasMessageContaining("[error, warn, info, debug, trace]");
        assertThatThrownBy(() -> load(Map.of("CYPRUS_HOST", "  "), null, Map.of()))
                .hasMessageContaining("CYPRUS_HOST is empty");
        assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.SHUTDOWN_GRACE_SECONDS, "-1")))
                .hasMessageContaining("from 0 to 3600");
    }

    @Test
    void configFileMistakesNameTheLine() throws IOException {
        assertThatThrownBy(() -> load(Map.of(), file("port = 1", "prot = 2"), Map.of()))
                .hasMessageStartingWith(dir.resolve("cyprus.conf") + " line 2: unknown setting 'prot'");
        assertThatThrownBy(() -> load(Map.of(), file("port = 1", "port = 2"), Map.of()))
                .hasMessageContaining("line 2: 'port' is set twice");
        assertThatThrownBy(() -> load(Map.of(), file("just words"), Map.of()))
                .hasMessageContaining("line 1: expected 'key = value'");
    }

    @Test
    void aNamedConfigFileMustExist() {
        Path missing = dir.resolve("nope.conf");

        assertThatThrownBy(() -> load(Map.of(), missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Config file " + missing + " does not exist.");
    }

    @Test
    void onlySqliteUrlsAreAccepted() {
        assertThatThrownBy(() -> load(Map.of("CYPRUS_DATABASE_URL", "jdbc:postgresql://db/cyprus"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stores its data in SQLite only");
    }
}
