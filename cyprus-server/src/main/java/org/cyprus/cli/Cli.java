package org.cyprus.cli;

import java.io.PrintWriter;
import org.cyprus.app.StartupException;
import org.cyprus.config.ConfigException;
import org.cyprus.library.LibraryException;
import picocli.CommandLine;

/** Parses the command line and runs the chosen command; turns expected failures into one clear line. */
public final class Cli {
    /** Exit status for a problem the user can fix: bad options or settings, a missing folder, a taken port. */
    public static final int EXIT_USAGE = 2;

    private Cli() {
    }

    /** Gives every command that works on the data the data settings as options. */
    private static void addDataOptions(CommandLine command) {
        if (command.getCommandSpec().userObject() instanceof DataCommand) {
            SettingOptions.add(command.getCommandSpec(), SettingOptions.DATA_SETTINGS);
        }
        command.getSubcommands().values().forEach(Cli::addDataOptions);
    }

    /** Runs the command named by {@code args} and returns the process exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new CyprusCommand());
        // Replace the annotated serve command with one that carries an option per setting.
        CommandLine serve = ServeCommand.commandLine();
        root.getCommandSpec().removeSubcommand("serve");
        root.addSubcommand("serve", serve);
        addDataOptions(root);
        root.setOut(out);
        root.setErr(err);
        root.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            err.println("cyprus: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the commands and options.");
            err.flush();
            return EXIT_USAGE;
        });
        root.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof StartupException || e instanceof LibraryException
                    || e instanceof org.cyprus.auth.AuthException) {
                err.println("cyprus: " + e.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            throw e;
        });
        return root.execute(args);
    }
}
