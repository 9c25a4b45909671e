package org.cyprus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyprus.config.ConfigLoader;
import org.cyprus.config.ServerConfig;
import org.cyprus.config.Setting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Command-line options generated from {@link Setting}s, so that every command spells each setting the same way. */
final class SettingOptions {
    /** System property the launcher sets to the installation folder, where the sample library lives. */
    static final String HOME_PROPERTY = "cyprus.home";
    /** The settings commands that only work on the data (not the HTTP server) accept. */
    static final Set<Setting> DATA_SETTINGS = Set.of(Setting.DATA_DIR, Setting.DATABASE_URL, Setting.LOG_LEVEL);

    private SettingOptions() {
    }

    static void add(CommandSpec spec, Set<Setting> settings) {
        for (Setting setting : Setting.values()) {
            if (!settings.contains(setting)) {
                continue;
            }
            spec.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.valueLabel())
                    .type(String.class)
                    .description((setting.description() + " Default: " + setting.defaultDescription() + ".").replace("`", "")
                            + " Environment: " + setting.envVar() + ".")
                    .build());
        }
    }

    /** The configuration from defaults, the config file, the environment and the flags given to {@code spec}. */
    static ServerConfig load(CommandSpec spec, Path configFile) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            OptionSpec option = spec.findOption(setting.flag());
            if (option != null && option.getValue() != null) {
                flags.put(setting, option.getValue());
            }
        }
        return new ConfigLoader(System.getenv(), sampleLibrary()).load(Optional.ofNullable(configFile), flags);
    }

    private static Optional<Path> sampleLibrary() {
        return Optional.ofNullable(System.getProperty(HOME_PROPERTY))
                .map(home -> Path.of(home, "samples", "library"))
                .filter(Files::isDirectory);
    }
}
