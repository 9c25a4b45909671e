package org.cyprus.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cyprus.app.Application;
import org.cyprus.config.ServerConfig;
import org.cyprus.config.Setting;
import org.cyprus.system.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code cyprus serve}: runs the server until it is stopped with Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server.",
                "Settings come from (lowest to highest precedence) defaults, the config file, CYPRUS_* environment variables and these options."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file of 'key = value' lines (default: ./cyprus.conf if present, or CYPRUS_CONFIG).")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = SettingOptions.load(spec, configFile);
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

    /** The picocli command line for {@code serve}, with the setting options added. */
    static CommandLine commandLine() {
        CommandLine serve = new CommandLine(new ServeCommand());
        SettingOptions.add(serve.getCommandSpec(), java.util.EnumSet.allOf(Setting.class));
        return serve;
    }
}
