package org.cyprus.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import org.cyprus.stream.ByteRequest;
import org.cyprus.stream.ByteServing;

/**
 * {@code GET|HEAD /api/v1/files/{id}}: an audio file's bytes as they are on disk now, whole or in ranges, with
 * validators and conditional requests (RFC 9110 §13–14, decided by {@link ByteServing}). Streaming needs read access
 * to the file's book; {@code ?download=1} (an attachment to keep) also needs the download permission.
 */
final class FileResource {
    private final FileLookup lookup;
    private final Authorize authorize;
    private final ByteResponseWriter writer;
    private final ServedFiles servedFiles;
    private final Clock clock;

    FileResource(FileLookup lookup, Authorize authorize, ByteResponseWriter writer, ServedFiles servedFiles, Clock clock) {
        this.lookup = lookup;
        this.authorize = authorize;
        this.writer = writer;
        this.servedFiles = servedFiles;
        this.clock = clock;
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        FileLookup.Located found = locate(ctx, id);
        boolean download = download(ctx);
        if (download) {
            authorize.download(ctx);
        }
        ByteRequest request = ByteRequests.of(ctx.method() == HandlerType.HEAD, name -> headerLines(ctx, name));
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                found = locate(ctx, id);
            }
            ServedFile served = servedFiles.of(found.file(), found.version());
            ByteServing decision = ByteServing.decide(request, served.representation(), clock.instant());
            try {
                writer.write(ctx, decision, served, download);
                return;
            } catch (IOException e) {
                // The file changed or went between looking at it and opening it; nothing has been sent. Look again.
                if (attempt == 2) {
                    throw new ApiException(ErrorCode.UNAVAILABLE, "The file " + id + " is changing on disk; try again shortly.",
                            Map.of("Retry-After", "1"));
                }
            }
        }
    }

    private FileLookup.Located locate(Context ctx, String id) {
        return lookup.locate(RouteGuard.principal(ctx), id);
    }

    private static boolean download(Context ctx) {
        return QueryParams.text(ctx, "download", 5).map(value -> switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw ApiException.badRequest("Query parameter 'download' must be 1 or 0.");
        }).orElse(false);
    }

    private static Iterator<String> headerLines(Context ctx, String name) {
        Enumeration<String> lines = ctx.req().getHeaders(name);
        return lines == null ? Collections.emptyIterator() : lines.asIterator();
    }
}
