package org.cyprus.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The config file format: one {@code key = value} per line, {@code #} starts a comment line,
 * blank lines are ignored. Keys are the {@link Setting#key()} names; an unknown or repeated key is an error.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static Map<Setting, ConfigLoader.Value> parse(Path file, List<String> lines) {
        Map<Setting, ConfigLoader.Value> values = new EnumMap<>(Setting.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where + ": expected 'key = value' but found '" + line + "'.");
            }
            String key = line.substring(0, eq).strip();
            Setting setting = Setting.byKey(key).orElseThrow(() -> new ConfigException(
                    where + ": unknown setting '" + key + "'. Known settings: "
                            + String.join(", ", java.util.Arrays.stream(Setting.values()).map(Setting::key).toList()) + "."));
            if (values.containsKey(setting)) {
                throw new ConfigException(where + ": '" + key + "' is set twice.");
            }
            values.put(setting, new ConfigLoader.Value(line.substring(eq + 1), "setting '" + key + "' in " + file));
        }
        return values;
    }
}
