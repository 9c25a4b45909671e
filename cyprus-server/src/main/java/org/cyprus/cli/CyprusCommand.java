package org.cyprus.cli;

import picocli.CommandLine.Command;

/** The {@code cyprus} command; everything it does is in its subcommands. */
@Command(name = "cyprus",
        description = "A self-hosted audiobook streaming server.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        subcommands = {ServeCommand.class, LibraryCommand.class, ScanCommand.class, UserCommand.class, ProbeCommand.class, TestCommand.class,
                VersionCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Run 'cyprus COMMAND --help' for a command's options."})
public final class CyprusCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
