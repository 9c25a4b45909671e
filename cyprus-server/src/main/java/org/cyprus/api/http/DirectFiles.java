package org.cyprus.api.http;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.cyprus.auth.Principal;
import org.cyprus.stream.ByteRange;
import org.cyprus.stream.ByteServing;
import org.cyprus.stream.FileMappings;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The direct answer of {@code GET|HEAD /api/v1/files/{id}} for what players ask for again and again — one range of
 * up to 8 MiB (or a whole file that small) of a file already looked up and mapped, over plain HTTP — decided by the
 * same lookup, validators and {@link ByteServing} as {@link FileResource} and written with Jetty's core API without
 * waiting: the headers and the mapped slice leave in one write whose callback releases the mapping. Everything else
 * is declined and the {@link FileResource} answers it: conditional answers (304, 412), 416, multipart and longer
 * ranges, downloads, a file not remembered or not mapped yet (that answer remembers and maps it), and HTTPS (whose
 * encryption would read the mapping in Java).
 */
final class DirectFiles implements DirectHandler {
    /** Answers given here, by every server in this JVM: for diagnostics, and for tests that this path is taken. */
    static final LongAdder ANSWERED = new LongAdder();

    private final FileLookup lookup;
    private final ServedFiles servedFiles;
    private final ByteResponseWriter writer;
    private final Clock clock;

    DirectFiles(FileLookup lookup, ServedFiles servedFiles, ByteResponseWriter writer, Clock clock) {
        this.lookup = lookup;
        this.servedFiles = servedFiles;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public boolean handle(String id, Principal principal, Request request, Response response, Callback callback) {
        if (request.isSecure()) {
            return false;
        }
        Optional<FileLookup.Located> found = lookup.locateRemembered(principal, id);
        if (found.isEmpty()) {
            return false;
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        HttpFields fields = request.getHeaders();
        ServedFile served = servedFiles.of(found.get().file(), found.get().version());
        long length = served.representation().lengthBytes();
        ByteRange range;
        int status;
        switch (ByteServing.decide(ByteRequests.of(head, name -> lines(fields, name)), served.representation(), clock.instant())) {
            case ByteServing.Full ignored when length > 0 -> {
                range = new ByteRange(0, length - 1);
                status = 200;
            }
            case ByteServing.Partial partial -> {
                range = partial.range();
                status = 206;
            }
            default -> {
                return false;
            }
        }
        // One write, of a file already mapped: longer bodies (a player's "bytes=0-") go to the route's handler.
        if (range.lengthBytes() > ByteResponseWriter.CHUNK_BYTES) {
            return false;
        }
        Optional<FileMappings.Lease> lease = head ? Optional.empty() : writer.mappings().leaseIfMapped(found.get().version());
        if (!head && lease.isEmpty()) {
            return false;
        }
        headers(response, served, status, range, length);
        ANSWERED.increment();
        if (head) {
            callback.succeeded();
            return true;
        }
        FileMappings.Lease held = lease.get();
        ByteBuffer body;
        try {
            body = held.slice(range.firstByte(), (int) range.lengthBytes());
        } catch (RuntimeException | InternalError e) {
            held.close();
            writer.stopped(served, e);
            callback.failed(e);
            return true;
        }
        // Failing the callback of a committed response aborts it: the connection closes short of Content-Length.
        response.write(true, body, Callback.from(() -> {
            held.close();
            callback.succeeded();
        }, failure -> {
            held.close();
            writer.stopped(served, failure);
            callback.failed(failure);
        }));
        return true;
    }

    private static void headers(Response response, ServedFile served, int status, ByteRange range, long length) {
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        SecurityHeaders.apply(out, false); // plain HTTP only: HTTPS is declined above
        served.described(false, out::add);
        out.add(HttpHeader.CONTENT_TYPE, served.mimeType());
        out.add(HttpHeader.CONTENT_LENGTH, range.lengthBytes());
        if (status == 206) {
            out.add(HttpHeader.CONTENT_RANGE, range.contentRange(length));
        }
    }

    private static Iterator<String> lines(HttpFields fields, String name) {
        List<String> values = fields.getValuesList(name);
        return values.isEmpty() ? Collections.emptyIterator() : values.iterator();
    }
}
