package org.cyprus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cyprus.app.Application;
import org.cyprus.config.ConfigLoader;
import org.cyprus.config.ServerConfig;
import org.cyprus.config.Setting;
import org.cyprus.system.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code cyprus serve}: runs the server until it is stopped with Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server.",
                "Settings come from (lowest to highest precedence) defaults, the config file, CYPRUS_* environment variables and these options."})
public final class ServeCommand implements Callable<Integer> {
    /** System property the launcher sets to the installation folder, where the sample library lives. */
    public static final String HOME_PROPERTY = "cyprus.home";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file of 'key = value' lines (default: ./cyprus.conf if present, or CYPRUS_CONFIG).")
    Path configFile;

    /** Adds one option per {@link Setting} to the serve command's spec. */
    static void addSettingOptions(CommandSpec serve) {
        for (Setting setting : Setting.values()) {
            serve.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.valueLabel())
                    .type(String.class)
                    .description((setting.description() + " Default: " + setting.defaultDescription() + ".").replace("`", "")
                            + " Environment: " + setting.envVar() + ".")
                    .build());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = new ConfigLoader(System.getenv(), sampleLibrary()).load(Optional.ofNullable(configFile), flags());
        Application application = Application.start(config, Version.current());
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            application.close();
            stopped.countDown();
        };
        // Handle INT and TERM ourselves so that a requested stop is graceful and exits with status 0.
        for (String signal : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(signal), s -> Thread.ofPlatform().name("shutdown").start(stop));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown-hook"));
        stopped.await();
        return 0;
    }

    private Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = spec.findOption(setting.flag()).getValue();
            if (value != null) {
                flags.put(setting, value);
            }
        }
        return flags;
    }

    private static Optional<Path> sampleLibrary() {
        return Optional.ofNullable(System.getProperty(HOME_PROPERTY))
                .map(home -> Path.of(home, "samples", "library"))
                .filter(Files::isDirectory);
    }

    /** The picocli command line for {@code serve}, with the setting options added. */
    static CommandLine commandLine() {
        CommandLine serve = new CommandLine(new ServeCommand());
        addSettingOptions(serve.getCommandSpec());
        return serve;
    }
}
