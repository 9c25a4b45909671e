package org.cyprus.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.cyprus.stream.ByteRange;
import org.cyprus.stream.ByteServing;
import org.cyprus.stream.FileMappings;
import org.cyprus.stream.FileVersion;
import org.cyprus.stream.MultipartLayout;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link ByteServing} decision for a file: status, headers, and the bytes straight from a memory mapping to
 * Jetty's output (no copy into the heap, never compressed). A response that fails after it has begun — the client
 * went away, or the file was truncated under the mapping — is aborted, so the client sees it cut short rather than
 * completed with wrong bytes, and a mapping that failed is evicted.
 */
final class ByteResponseWriter {
    private static final Logger log = LoggerFactory.getLogger("http");
    /** The most written in one call: a buffer over a mapping cannot pass 2 GiB, and smaller calls cost nothing more. */
    static final int CHUNK_BYTES = 8 << 20;

    private final FileMappings mappings;

    ByteResponseWriter(FileMappings mappings) {
        this.mappings = mappings;
    }

    /** The mappings the bytes are written from. */
    FileMappings mappings() {
        return mappings;
    }

    /**
     * Answers {@code ctx} with {@code decision}.
     *
     * @throws IOException when the file cannot be opened for the body (it changed or went since it was looked at);
     *                     nothing has been written then
     */
    void write(Context ctx, ByteServing decision, ServedFile file, boolean download) throws IOException {
        long length = file.representation().lengthBytes();
        switch (decision) {
            case ByteServing.Full full -> body(ctx, file, download, 200, file.mimeType(), length,
                    length == 0 ? List.of() : List.of(new ByteRange(0, length - 1)), Optional.empty());
            case ByteServing.Partial partial -> body(ctx, file, download, 206, file.mimeType(), partial.range().lengthBytes(),
                    List.of(partial.range()), Optional.of(partial.range().contentRange(length)));
            case ByteServing.Multipart multipart -> {
                MultipartLayout layout = MultipartLayout.of(multipart.ranges(), file.mimeType(), length, MultipartLayout.newBoundary());
                multipartBody(ctx, file, download, layout);
            }
            case ByteServing.NotModified ignored -> {
                // RFC 9110 §15.4.5: a 304 carries the validators and Cache-Control a 200 would have, and no content nor
                // other representation metadata (so no Content-Type). §8.6 forbids a Content-Length other than the
                // 200's, and Jetty would announce 0 when the response completes: committing it now sends none.
                HttpServletResponse res = ctx.res();
                res.setStatus(304);
                file.validators(res::addHeader);
                res.setContentType(null);
                try {
                    res.flushBuffer();
                } catch (IOException clientGone) {
                    log.debug("A 304 for {} was not delivered: {}", file.version().path(), clientGone.toString());
                }
            }
            case ByteServing.PreconditionFailed ignored -> ErrorMapper.write(ctx, ErrorCode.PRECONDITION_FAILED,
                    "A precondition (If-Match or If-Unmodified-Since) does not hold for the file as it is now.");
            case ByteServing.Unsatisfiable unsatisfiable -> {
                // §15.5.17: a 416 names the current length in "Content-Range: bytes */length".
                ctx.header("Content-Range", "bytes */" + unsatisfiable.completeLengthBytes());
                ctx.header("Accept-Ranges", "bytes");
                ErrorMapper.write(ctx, ErrorCode.RANGE_NOT_SATISFIABLE,
                        "No requested range overlaps the file's " + unsatisfiable.completeLengthBytes() + " bytes.");
            }
        }
    }

    private void body(Context ctx, ServedFile file, boolean download, int status, String contentType, long contentLength,
                      List<ByteRange> ranges, Optional<String> contentRange) throws IOException {
        boolean sending = ctx.method() != HandlerType.HEAD && !ranges.isEmpty();
        try (FileMappings.Lease lease = sending ? mappings.lease(file.version()) : null) {
            HttpServletResponse res = headers(ctx, file, download, status, contentType, contentLength);
            contentRange.ifPresent(value -> res.addHeader("Content-Range", value));
            if (lease == null) {
                return;
            }
            ServletOutputStream out = res.getOutputStream();
            try {
                for (ByteRange range : ranges) {
                    send(out, lease, range);
                }
            } catch (IOException | InternalError | IllegalStateException e) {
                failed(ctx, file, e);
            }
        }
    }

    private void multipartBody(Context ctx, ServedFile file, boolean download, MultipartLayout layout) throws IOException {
        boolean sending = ctx.method() != HandlerType.HEAD;
        try (FileMappings.Lease lease = sending ? mappings.lease(file.version()) : null) {
            HttpServletResponse res = headers(ctx, file, download, 206, layout.contentType(), layout.contentLengthBytes());
            if (lease == null) {
                return;
            }
            ServletOutputStream out = res.getOutputStream();
            try {
                for (MultipartLayout.Part part : layout.parts()) {
                    out.write(part.header());
                    send(out, lease, part.range());
                }
                out.write(layout.closing());
            } catch (IOException | InternalError | IllegalStateException e) {
                failed(ctx, file, e);
            }
        }
    }

    private static HttpServletResponse headers(Context ctx, ServedFile file, boolean download, int status, String contentType,
                                               long contentLength) {
        HttpServletResponse res = ctx.res();
        res.setStatus(status);
        // addHeader, not setHeader: none of these is set yet, and Jetty need not look for an earlier one.
        file.described(download, res::addHeader);
        res.setContentType(contentType);
        res.setContentLengthLong(contentLength);
        return res;
    }

    /** Writes {@code range} of the mapping, in chunks, straight from the mapping when the output is Jetty's own. */
    private static void send(ServletOutputStream out, FileMappings.Lease lease, ByteRange range) throws IOException {
        long offset = range.firstByte();
        long remaining = range.lengthBytes();
        while (remaining > 0) {
            int n = (int) Math.min(CHUNK_BYTES, remaining);
            ByteBuffer slice = lease.slice(offset, n);
            if (out instanceof HttpOutput jetty) {
                jetty.write(slice);
            } else {
                byte[] buffer = new byte[Math.min(n, 64 << 10)];
                while (slice.hasRemaining()) {
                    int chunk = Math.min(buffer.length, slice.remaining());
                    slice.get(buffer, 0, chunk);
                    out.write(buffer, 0, chunk);
                }
            }
            offset += n;
            remaining -= n;
        }
    }

    /**
     * A response that broke off after it began: abort it (the connection closes short of the announced length, so no
     * client takes the partial bytes for the whole), and when the file changed under it, evict its mapping and say so.
     */
    private void failed(Context ctx, ServedFile file, Throwable failure) {
        // Closing the connection under the response (rather than ServletChannel.abort, which leaves Javalin asking an
        // aborted request for its async state) ends it short of its Content-Length, which is what a client must see.
        if (ctx.res() instanceof ServletApiResponse jetty) {
            jetty.getServletChannel().getEndPoint().close(failure);
        }
        stopped(file, failure);
    }

    /** Notes a response that broke off: when the file changed under it, its mapping is evicted. */
    void stopped(ServedFile file, Throwable failure) {
        if (failure instanceof IOException && !changedOnDisk(file.version())) {
            log.debug("Sending {} stopped: {}", file.version().path(), failure.toString());
            return;
        }
        mappings.evict(file.version());
        log.warn("Sending {} stopped: the file changed on disk while it was being sent ({})", file.version().path(), failure.toString());
    }

    private static boolean changedOnDisk(FileVersion version) {
        try {
            return !FileVersion.current(version.path(), version.fingerprint()).equals(Optional.of(version));
        } catch (IOException e) {
            return true;
        }
    }
}
