package org.cyprus.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.cyprus.app.CoreServices;
import org.cyprus.config.ServerConfig;
import org.cyprus.library.Library;
import org.cyprus.library.LibraryException;
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

    /** The library named {@code nameOrId}, or with that id. */
    static Library library(CoreServices services, String nameOrId) {
        return services.libraries().libraryByName(nameOrId).or(() -> {
            try {
                return Optional.of(services.libraries().library(Long.parseLong(nameOrId)));
            } catch (NumberFormatException | LibraryException e) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new LibraryException(LibraryException.Kind.NOT_FOUND, "there is no library named '" + nameOrId + "'"));
    }
}
