package org.cyprus.library.upload;

import java.util.List;
import java.util.Optional;

/** Checks and shapes the paths clients give uploaded files. */
final class UploadPaths {
    private UploadPaths() {
    }

    /** Why {@code path} cannot name a file inside an upload, if it cannot. */
    static Optional<String> problemWith(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("the file has no name");
        }
        if (path.length() > 1024) {
            return Optional.of("the path is too long");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("the path has an empty, '.' or '..' part");
            }
            if (segment.startsWith(".")) {
                return Optional.of("hidden files are not accepted");
            }
            if (segment.indexOf('\\') >= 0 || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                return Optional.of("the path holds a backslash or a control character");
            }
            if (segment.length() > 255) {
                return Optional.of("a name in the path is longer than 255 characters");
            }
        }
        return Optional.empty();
    }

    /** The single folder every path starts with, if there is one ({@code My Book/…}). */
    static Optional<String> commonFolder(List<String> paths) {
        String first = null;
        for (String p : paths) {
            int slash = p == null ? -1 : p.indexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            String folder = p.substring(0, slash);
            if (first == null) {
                first = folder;
            } else if (!first.equals(folder)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(first);
    }

    /** The paths without their common first folder, if they all share one. */
    static List<String> stripCommonFolder(List<String> paths) {
        Optional<String> common = commonFolder(paths);
        return common.map(c -> paths.stream().map(p -> p.substring(c.length() + 1)).toList()).orElse(paths);
    }

    /** {@code name} made into one safe folder name. */
    static String segment(String name, int maxLength) {
        String clean = name.replaceAll("[/\\\\\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip().replaceAll("^\\.+", "");
        if (clean.length() > maxLength) {
            clean = clean.substring(0, maxLength).strip();
        }
        return clean.isEmpty() ? "Untitled" : clean;
    }
}
