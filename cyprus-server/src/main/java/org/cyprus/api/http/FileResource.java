package org.cyprus.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import org.cyprus.library.PublicIds;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.library.media.RecentMediaFiles;
import org.cyprus.stream.ByteRequest;
import org.cyprus.stream.ByteServing;
import org.cyprus.stream.FileVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|HEAD /api/v1/files/{id}}: an audio file's bytes as they are on disk now, whole or in ranges, with
 * validators and conditional requests (RFC 9110 §13–14, decided by {@link ByteServing}). Streaming needs read access
 * to the file's book; {@code ?download=1} (an attachment to keep) also needs the download permission.
 */
final class FileResource {
    private static final Logger log = LoggerFactory.getLogger("http");

    private final RecentMediaFiles files;
    private final Authorize authorize;
    private final ByteResponseWriter writer;
    private final Clock clock;
    private final ServedFiles servedFiles = new ServedFiles();

    FileResource(RecentMediaFiles files, Authorize authorize, ByteResponseWriter writer, Clock clock) {
        this.files = files;
        this.authorize = authorize;
        this.writer = writer;
        this.clock = clock;
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        Located found = locate(ctx, id);
        boolean download = download(ctx);
        if (download) {
            authorize.download(ctx);
        }
        ByteRequest request = request(ctx);
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

    /** A file the caller may read and what is on disk for it now. */
    private record Located(PlayableFile file, FileVersion version) {
    }

    /** The file, if the caller may read its book; otherwise 404, exactly as for a file that does not exist. */
    private PlayableFile readable(Context ctx, String id) {
        if (!PublicIds.looksValid(id)) {
            throw notFound(id);
        }
        PlayableFile file = files.file(id).orElseThrow(() -> notFound(id));
        authorize.file(ctx, file);
        // A stored path that does not resolve safely inside its library folder is never opened.
        if (file.problem().filter(p -> p.code().equals("unsafe_path")).isPresent()) {
            throw notFound(id);
        }
        return file;
    }

    /**
     * The file, if the caller may read it, as it is on disk now. A file gone from disk answers 404, not 410 (RFC 9110
     * §15.5.11 keeps 410 for a condition "likely to be permanent", and a library's files come back: a disk remounted,
     * a folder moved back, a rescan). What was remembered of the file is dropped and the database asked once more
     * first, in case the file moved.
     */
    private Located locate(Context ctx, String id) {
        PlayableFile file = readable(ctx, id);
        Optional<FileVersion> version = onDisk(file);
        if (version.isEmpty()) {
            files.forget(id);
            file = readable(ctx, id);
            version = onDisk(file);
        }
        if (version.isEmpty()) {
            throw ApiException.notFound("The file " + id + " is not on disk now: it was moved or deleted since the library "
                    + "was last scanned.");
        }
        return new Located(file, version.get());
    }

    private static Optional<FileVersion> onDisk(PlayableFile file) {
        try {
            return FileVersion.current(file.path(), file.stamp().fingerprint());
        } catch (IOException e) {
            log.warn("Cannot look at {} on disk: {}", file.path(), e.toString());
            return Optional.empty();
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("There is no file " + id + ".");
    }

    private static boolean download(Context ctx) {
        return QueryParams.text(ctx, "download", 5).map(value -> switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw ApiException.badRequest("Query parameter 'download' must be 1 or 0.");
        }).orElse(false);
    }

    /** The request's method and its conditional and range fields, each field's lines joined by commas (RFC 9110 §5.3). */
    private static ByteRequest request(Context ctx) {
        ByteRequest.Method method = ctx.method() == HandlerType.HEAD ? ByteRequest.Method.HEAD : ByteRequest.Method.GET;
        return new ByteRequest(method, field(ctx, "If-Match"), field(ctx, "If-None-Match"), field(ctx, "If-Modified-Since"),
                field(ctx, "If-Unmodified-Since"), field(ctx, "If-Range"), field(ctx, "Range"));
    }

    private static Optional<String> field(Context ctx, String name) {
        Enumeration<String> lines = ctx.req().getHeaders(name);
        if (lines == null || !lines.hasMoreElements()) {
            return Optional.empty();
        }
        String first = lines.nextElement();
        if (!lines.hasMoreElements()) {
            return Optional.of(first);
        }
        StringBuilder joined = new StringBuilder(first);
        while (lines.hasMoreElements()) {
            joined.append(", ").append(lines.nextElement());
        }
        return Optional.of(joined.toString());
    }
}
