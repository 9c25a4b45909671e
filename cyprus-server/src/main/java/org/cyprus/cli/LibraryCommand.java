package org.cyprus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cyprus.app.CoreServices;
import org.cyprus.library.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyprus library}: creating and listing libraries. */
@Command(name = "library", mixinStandardHelpOptions = true, description = "Create and list libraries.",
        subcommands = {LibraryCommand.Add.class, LibraryCommand.ListLibraries.class}, synopsisSubcommandLabel = "COMMAND")
final class LibraryCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code cyprus library add NAME DIR...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a library over one or more folders, then scan it (unless --no-scan).")
    static final class Add extends DataCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The library's name.")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "Folders holding the audiobooks.")
        List<Path> folders;

        @Option(names = "--no-scan", description = "Do not scan the new library now.")
        boolean noScan;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices services = open()) {
                Library library = services.libraries().create(name, folders);
                out.println("Created library '" + library.name() + "' (id " + library.id() + ") over "
                        + String.join(", ", library.roots().stream().map(r -> r.path().toString()).toList()) + ".");
                out.flush();
                if (!noScan) {
                    return ScanCommand.scanWithProgress(services, library, Optional.empty(), out, spec.commandLine().getErr());
                }
                return 0;
            }
        }
    }

    /** {@code cyprus library list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the libraries with their folders and book counts.")
    static final class ListLibraries extends DataCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CoreServices services = open()) {
                var counts = services.catalog().bookCounts();
                for (Library library : services.libraries().libraries()) {
                    out.println(library.id() + "\t" + library.name() + "\t" + counts.getOrDefault(library.id(), 0L) + " books\t"
                            + String.join(", ", library.roots().stream().map(r -> r.path().toString()).toList()));
                }
                return 0;
            }
        }
    }
}
