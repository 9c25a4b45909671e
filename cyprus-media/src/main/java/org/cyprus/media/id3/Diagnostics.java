package org.cyprus.media.id3;

import java.util.ArrayList;
import java.util.List;

/**
 * What one read noticed on its way: the warnings that go into the result and, when a dump was asked for, one
 * indented line per structure seen (offsets and decoded fields) for golden tests.
 */
final class Diagnostics {
    /** More warnings than this say nothing new; a hostile file could otherwise produce one per byte. */
    static final int MAX_WARNINGS = 50;

    private final List<String> warnings = new ArrayList<>();
    private final StringBuilder dump;
    private int omittedWarnings;
    private int depth;

    private Diagnostics(StringBuilder dump) {
        this.dump = dump;
    }

    /** Collects warnings only. */
    static Diagnostics quiet() {
        return new Diagnostics(null);
    }

    /** Collects warnings and a structure dump. */
    static Diagnostics recording() {
        return new Diagnostics(new StringBuilder());
    }

    void warn(String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(message);
        } else {
            omittedWarnings++;
        }
        line("! " + message);
    }

    boolean dumping() {
        return dump != null;
    }

    /** Adds a dump line at the current depth (nothing when not dumping). */
    void line(String text) {
        if (dump != null) {
            dump.append("  ".repeat(depth)).append(text).append('\n');
        }
    }

    /** Indents the lines that follow, until {@link #exit()}. */
    void enter() {
        depth++;
    }

    void exit() {
        depth = Math.max(0, depth - 1);
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (omittedWarnings > 0) {
            all.add(omittedWarnings + " further warnings omitted");
        }
        return all;
    }

    String dumpText() {
        return dump == null ? "" : dump.toString();
    }

    /** {@code text} in double quotes with control characters escaped, so that every dump entry stays on one line. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                s.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.append('"').toString();
    }
}
