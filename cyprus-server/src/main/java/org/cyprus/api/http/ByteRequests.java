package org.cyprus.api.http;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import org.cyprus.stream.ByteRequest;

/** A request's method and its conditional and range fields, each field's lines joined by commas (RFC 9110 §5.3). */
final class ByteRequests {
    private ByteRequests() {
    }

    /** From a request whose field lines {@code lines} gives by name (an empty iterator for an absent field). */
    static ByteRequest of(boolean head, Function<String, Iterator<String>> lines) {
        return new ByteRequest(head ? ByteRequest.Method.HEAD : ByteRequest.Method.GET, field(lines, "If-Match"),
                field(lines, "If-None-Match"), field(lines, "If-Modified-Since"), field(lines, "If-Unmodified-Since"),
                field(lines, "If-Range"), field(lines, "Range"));
    }

    private static Optional<String> field(Function<String, Iterator<String>> fields, String name) {
        Iterator<String> lines = fields.apply(name);
        if (!lines.hasNext()) {
            return Optional.empty();
        }
        String first = lines.next();
        if (!lines.hasNext()) {
            return Optional.of(first);
        }
        StringBuilder joined = new StringBuilder(first);
        while (lines.hasNext()) {
            joined.append(", ").append(lines.next());
        }
        return Optional.of(joined.toString());
    }
}
