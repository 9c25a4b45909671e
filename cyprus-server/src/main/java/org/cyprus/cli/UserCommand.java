package org.cyprus.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cyprus.app.CoreServices;
import org.cyprus.auth.AuthException;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.LibraryAccess;
import org.cyprus.auth.Role;
import org.cyprus.auth.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyprus user}: accounts from the command line, the first administrator included. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Create and list accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Password.class}, synopsisSubcommandLabel = "COMMAND")
final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code cyprus user add [--admin|--role ROLE] NAME}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create an account. The first account made while none exists becomes the administrator.",
                    "The password is asked for on the terminal, or read from standard input with --password-stdin."})
    static final class Add extends DataCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The username.")
        String username;

        @Option(names = "--admin", description = "Make an administrator (same as --role admin).")
        boolean admin;

        @Option(names = "--role", paramLabel = "ROLE", description = "admin, user (default) or guest.")
        String role;

        @Option(names = "--can-download", description = "Allow downloading books for offline listening.")
        boolean canDownload;

        @Option(names = "--libraries", paramLabel = "LIBRARY", split = ",",
                description = "The libraries (names or ids, comma-separated) the account may read. Default: all, present and future.")
        List<String> libraries = new ArrayList<>();

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role chosen = admin ? Role.ADMIN : role == null ? Role.USER
                    : Role.parse(role).orElseThrow(() -> new org.cyprus.config.ConfigException("--role must be admin, user or guest"));
            String password = password(username, passwordStdin);
            try (CoreServices services = open()) {
                LibraryAccess access = libraries.isEmpty() ? new LibraryAccess.All()
                        : new LibraryAccess.Only(libraries.stream().map(l -> library(services, l).id()).collect(Collectors.toSet()));
                User user = services.accounts().setupRequired() && chosen == Role.ADMIN
                        ? services.accounts().setUp(username, password)
                        : services.accounts().create(new AuthStore.NewUser(username, chosen, true, canDownload || chosen == Role.ADMIN,
                                access), password);
                spec.commandLine().getOut().println("Created " + user.role().id() + " '" + user.username() + "' (id " + user.id() + ").");
                return 0;
            }
        }
    }

    /** {@code cyprus user password NAME}: sets a new password (for a forgotten one) and signs the account out everywhere. */
    @Command(name = "password", mixinStandardHelpOptions = true,
            description = {"Set a new password for an account (an administrator who forgot theirs, say) and sign it out",
                    "on every device. Asked for on the terminal, or read from standard input with --password-stdin."})
    static final class Password extends DataCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The username.")
        String username;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            String password = password(username, passwordStdin);
            try (CoreServices services = open()) {
                User user = services.accounts().users().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst()
                        .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_FOUND, "there is no account named '" + username + "'"));
                services.accounts().resetPassword(user.id(), password);
                spec.commandLine().getOut().println("Set a new password for '" + user.username() + "' and signed it out everywhere.");
                return 0;
            }
        }
    }

    private static String password(String username, boolean fromStdin) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }
        Console console = System.console();
        if (console == null) {
            throw new org.cyprus.config.ConfigException("no terminal to ask for the password on; use --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", username);
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !new String(first).equals(new String(again))) {
            throw new org.cyprus.config.ConfigException("the two passwords differ");
        }
        return new String(first);
    }

    /** {@code cyprus user list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers extends DataCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (CoreServices services = open()) {
                for (User u : services.accounts().users()) {
                    spec.commandLine().getOut().println(u.id() + "\t" + u.username() + "\t" + u.role().id() + (u.active() ? "" : "\tdisabled"));
                }
                return 0;
            }
        }
    }
}
