package org.cyprus.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a {@link ServerConfig} from its four layers: defaults, a config file, {@code CYPRUS_*}
 * environment variables and command-line flags, each overriding the one before.
 */
public final class ConfigLoader {
    /** Environment variable naming the config file. */
    public static final String CONFIG_ENV = "CYPRUS_CONFIG";
    /** The config file read when none is named and it exists in the working directory. */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("cyprus.conf");

    private final Map<String, String> environment;
    private final Optional<Path> sampleLibrary;

    /**
     * @param environment   the process environment (only {@code CYPRUS_*} entries matter)
     * @param sampleLibrary the bundled sample library, when this installation has one
     */
    public ConfigLoader(Map<String, String> environment, Optional<Path> sampleLibrary) {
        this.environment = Map.copyOf(environment);
        this.sampleLibrary = sampleLibrary;
    }

    /**
     * Loads the configuration.
     *
     * @param configFile a config file named on the command line, if any
     * @param flags      values given as command-line flags
     * @throws ConfigException when a value is malformed or a named config file is unreadable
     */
    public ServerConfig load(Optional<Path> configFile, Map<Setting, String> flags) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        readConfigFile(configFile).forEach(values::put);
        for (Setting setting : Setting.values()) {
            String env = environment.get(setting.envVar());
            if (env != null) {
                values.put(setting, new Value(env, "environment variable " + setting.envVar()));
            }
        }
        flags.forEach((setting, raw) -> values.put(setting, new Value(raw, "option " + setting.flag())));
        return resolve(values);
    }

    private Map<Setting, Value> readConfigFile(Optional<Path> named) {
        Optional<Path> file = named.or(() -> Optional.ofNullable(environment.get(CONFIG_ENV)).filter(s -> !s.isBlank()).map(Path::of));
        boolean explicit = file.isPresent();
        Path path = file.orElse(DEFAULT_CONFIG_FILE);
        if (!explicit && !Files.isRegularFile(path)) {
            return Map.of();
        }
        try {
            return ConfigFile.parse(path, Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + path + " does not exist.");
        } catch (MalformedInputException e) {
            throw new ConfigException("Config file " + path + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new ConfigException("Config file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private ServerConfig resolve(Map<Setting, Value> values) {
        Path dataDir = path(values, Setting.DATA_DIR).orElse(Path.of("data"));
        Optional<Path> library = path(values, Setting.LIBRARY).or(() -> sampleLibrary);
        String databaseUrl = text(values, Setting.DATABASE_URL)
                .orElse("jdbc:sqlite:" + dataDir.resolve("cyprus.db"));
        if (!databaseUrl.startsWith("jdbc:sqlite:")) {
            Value v = values.get(Setting.DATABASE_URL);
            throw new ConfigException("The " + v.source() + " is '" + databaseUrl
                    + "', but this version of Cyprus stores its data in SQLite only: use a jdbc:sqlite: URL or leave it unset.");
        }
        return new ServerConfig(
                text(values, Setting.HOST).orElse("127.0.0.1"),
                integer(values, Setting.PORT, 0, 65_535).orElse(8080),
                dataDir,
                library,
                databaseUrl,
                text(values, Setting.SERVER_NAME).orElse("Cyprus"),
                bool(values, Setting.WATCH).orElse(true),
                Duration.ofMinutes(integer(values, Setting.RESCAN_INTERVAL_MINUTES, 0, 100_000).orElse(60)),
                tls(values),
                proxies(values),
                logLevel(values).orElse(ServerConfig.LogLevel.INFO),
                bool(values, Setting.ACCESS_LOG).orElse(true),
                Duration.ofSeconds(integer(values, Setting.SHUTDOWN_GRACE_SECONDS, 0, 3_600).orElse(10)));
    }

    private static Optional<ServerConfig.TlsFiles> tls(Map<Setting, Value> values) {
        Optional<Path> cert = path(values, Setting.TLS_CERT);
        Optional<Path> key = path(values, Setting.TLS_KEY);
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException("Built-in HTTPS needs both " + Setting.TLS_CERT.flag() + " and " + Setting.TLS_KEY.flag() + ".");
        }
        for (Setting s : List.of(Setting.TLS_CERT, Setting.TLS_KEY)) {
            Optional<Path> file = path(values, s);
            if (file.isPresent() && !Files.isReadable(file.get())) {
                throw new ConfigException("The " + values.get(s).source() + " names " + file.get() + ", which cannot be read.");
            }
        }
        return cert.map(c -> new ServerConfig.TlsFiles(c, key.orElseThrow()));
    }

    private static List<String> proxies(Map<Setting, Value> values) {
        return text(values, Setting.TRUSTED_PROXIES).map(raw -> {
            List<String> list = java.util.Arrays.stream(raw.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
            for (String proxy : list) {
                if (!proxy.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                    throw new ConfigException("The " + values.get(Setting.TRUSTED_PROXIES).source() + " holds '" + proxy
                            + "', which is not an IP address or CIDR range.");
                }
            }
            return list;
        }).orElse(List.of());
    }

    private static Optional<String> text(Map<Setting, Value> values, Setting setting) {
        Value v = values.get(setting);
        if (v == null) {
            return Optional.empty();
        }
        String trimmed = v.raw().strip();
        if (trimmed.isEmpty()) {
            throw new ConfigException("The " + v.source() + " is empty; give a value or leave it out.");
        }
        return Optional.of(trimmed);
    }

    private static Optional<Path> path(Map<Setting, Value> values, Setting setting) {
        return text(values, setting).map(raw -> {
            try {
                return Path.of(raw);
            } catch (InvalidPathException e) {
                throw new ConfigException("The " + values.get(setting).source() + " is not a usable path: " + raw);
            }
        });
    }

    private static Optional<Integer> integer(Map<Setting, Value> values, Setting setting, int min, int max) {
        return text(values, setting).map(raw -> {
            try {
                int n = Integer.parseInt(raw);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ConfigException("The " + values.get(setting).source() + " is '" + raw
                    + "'; it must be a whole number from " + min + " to " + max + ".");
        });
    }

    private static Optional<Boolean> bool(Map<Setting, Value> values, Setting setting) {
        return text(values, setting).map(raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException("The " + values.get(setting).source() + " is '" + raw
                    + "'; it must be true or false.");
        });
    }

    private static Optional<ServerConfig.LogLevel> logLevel(Map<Setting, Value> values) {
        return text(values, Setting.LOG_LEVEL).map(raw -> {
            try {
                return ServerConfig.LogLevel.valueOf(raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("The " + values.get(Setting.LOG_LEVEL).source() + " is '" + raw
                        + "'; it must be one of " + List.of(ServerConfig.LogLevel.values()).toString().toLowerCase(Locale.ROOT) + ".");
            }
        });
    }

    /** A raw value and where it came from, for messages. */
    record Value(String raw, String source) {
    }
}
