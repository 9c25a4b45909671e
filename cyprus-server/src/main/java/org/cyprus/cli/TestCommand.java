package org.cyprus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cyprus test}: listed here so that help is complete; the launcher script runs it, because it must
 * build and test the sources before any jar exists.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Install the system packages the tests need (with apt-get, when run as root) and run the whole test suite.",
                "Extra arguments go to Maven, e.g. './cyprus test -Dtest=ConfigLoaderTest'."})
public final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("cyprus: run the test suite from a source checkout with ./cyprus test");
        return 2;
    }
}
