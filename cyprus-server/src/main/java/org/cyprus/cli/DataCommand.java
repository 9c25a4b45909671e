package org.cyprus.cli;

import java.nio.file.Path;
import org.cyprus.app.CoreServices;
import org.cyprus.config.ServerConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that works on the server's data without running the server ({@code library add}, {@code scan}); it gets
 * the data options ({@code --data-dir}, {@code --database-url}, {@code --log-level}, {@code --config}).
 */
abstract class DataCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file of 'key = value' lines (default: ./cyprus.conf if present, or CYPRUS_CONFIG).")
    Path configFile;

    ServerConfig config() {
        return SettingOptions.load(spec, configFile);
    }

    CoreServices open() {
        ServerConfig config = config();
        org.cyprus.app.LogLevels.apply(config.logLevel());
        return CoreServices.open(config);
    }
}
