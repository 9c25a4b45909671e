package org.cyprus.api.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cyprus.library.catalog.BookDetail;
import org.cyprus.stream.EntityTag;
import org.cyprus.stream.EntityTagList;
import org.cyprus.library.cover.CoverStore;

/** {@code /api/v1/books/{id}/cover?size=N}: the book's cover as a JPEG scaled to one of a few sizes, cached. */
final class CoverResource {
    /** The sizes served; a request is answered with the smallest at least as large, at most the largest. */
    static final List<Integer> SIZES = List.of(128, 256, 512, 1024);
    private static final int DEFAULT_SIZE = 512;

    private final BookResource books;
    private final CoverStore covers;

    CoverResource(BookResource books, CoverStore covers) {
        this.books = books;
        this.covers = covers;
    }

    static int clamp(int requested) {
        return SIZES.stream().filter(s -> s >= requested).findFirst().orElse(SIZES.getLast());
    }

    void get(Context ctx) throws IOException {
        BookDetail book = books.book(ctx);
        String hash = book.coverHash().orElseThrow(() -> ApiException.notFound("The book " + book.id() + " has no cover."));
        int size = clamp(QueryParams.integer(ctx, "size", 1, 100_000, DEFAULT_SIZE));
        String etag = "\"" + hash.substring(0, 32) + "-" + size + "\"";
        boolean versioned = QueryParams.text(ctx, "v", 64).map(hash::startsWith).orElse(false);
        ctx.header("ETag", etag);
        // A URL naming the cover's version never changes meaning: cache it for good. Otherwise revalidate hourly.
        ctx.header("Cache-Control", versioned ? "private, max-age=31536000, immutable" : "private, max-age=3600");
        // RFC 9110 §13.1.2: If-None-Match is a list compared weakly, or "*"; an unparsable field is ignored.
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && EntityTagList.parse(ifNoneMatch)
                .map(list -> list.matches(EntityTag.strong(etag.substring(1, etag.length() - 1)), false)).orElse(false)) {
            // §15.4.5: no content and no other representation metadata; committing now keeps Jetty from announcing
            // a Content-Length of 0 (§8.6 allows only the 200's length).
            ctx.status(304);
            ctx.res().setContentType(null);
            ctx.res().flushBuffer();
            return;
        }
        Optional<Path> file;
        try {
            file = covers.resized(hash, size);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.UNPROCESSABLE, "The cover of " + book.id() + " cannot be decoded: " + e.getMessage());
        }
        Path jpeg = file.orElseThrow(() -> ApiException.notFound("The cover of " + book.id() + " is gone; rescan the library."));
        ctx.contentType("image/jpeg");
        ctx.result(Files.readAllBytes(jpeg));
    }
}
