package org.cyprus.cli;

import java.io.PrintWriter;

/**
 * A progress bar on a terminal ({@code [#####-----] 12/40}) redrawn in place; elsewhere (a log, a pipe) one line per
 * tenth of the way, so logs stay readable.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final String label;
    private int lastTenth = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out, boolean terminal, String label) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
    }

    synchronized void update(int done, int total, String detail) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String line = label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + detail;
        if (terminal) {
            out.print("\r" + line);
            drawn = true;
            out.flush();
        } else {
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line);
                out.flush();
            }
        }
    }

    synchronized void finish() {
        if (terminal && drawn) {
            out.println();
            out.flush();
        }
    }
}
