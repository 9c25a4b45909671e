package org.cyprus;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.cyprus.cli.Cli;

/** Entry point of the {@code cyprus} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }
}
