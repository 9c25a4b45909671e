package org.cyprus.cli;

import java.util.concurrent.Callable;
import org.cyprus.system.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cyprus version}: prints the Cyprus and Java versions. */
@Command(name = "version", description = "Print the version of Cyprus and of the Java runtime.", mixinStandardHelpOptions = true)
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(line());
        return 0;
    }

    static String line() {
        return "Cyprus " + Version.current() + " (Java " + Runtime.version() + ", " + System.getProperty("java.vm.name") + ")";
    }

    /** Supplies {@code --version} for every command. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }
}
