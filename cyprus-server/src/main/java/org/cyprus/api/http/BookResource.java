package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.cyprus.auth.MediaCapabilities;
import org.cyprus.library.LibraryService;
import org.cyprus.library.PublicIds;
import org.cyprus.library.catalog.BookDetail;
import org.cyprus.library.catalog.BookQuery;
import org.cyprus.library.catalog.BookSort;
import org.cyprus.library.catalog.Catalog;
import org.cyprus.library.catalog.Cursor;
import org.cyprus.library.catalog.Page;

/** {@code /api/v1/libraries/{id}/books} and {@code /api/v1/books/{id}}: browsing and searching books. */
final class BookResource {
    private static final int DEFAULT_LIMIT = 50;

    private final Catalog catalog;
    private final LibraryService libraries;
    private final Authorize authorize;
    private final MediaCapabilities capabilities;

    BookResource(Catalog catalog, LibraryService libraries, Authorize authorize, MediaCapabilities capabilities) {
        this.catalog = catalog;
        this.libraries = libraries;
        this.authorize = authorize;
        this.capabilities = capabilities;
    }

    void list(Context ctx) {
        long libraryId = QueryParams.pathId(ctx, "id");
        authorize.library(ctx, libraryId);
        libraries.library(libraryId);
        Optional<String> text = QueryParams.text(ctx, "q", 200);
        BookSort sort = QueryParams.choice(ctx, "sort", BookSort.class)
                .orElse(text.isPresent() ? BookSort.RELEVANCE : BookSort.TITLE);
        if (sort == BookSort.RELEVANCE && text.isEmpty()) {
            throw ApiException.badRequest("sort=relevance needs a search text in 'q'.");
        }
        boolean descending = QueryParams.choice(ctx, "order", Order.class).map(o -> o == Order.DESC)
                .orElse(sort.descendingByDefault());
        Optional<Cursor> cursor = QueryParams.text(ctx, "cursor", 2048).map(c -> Cursor.decode(c, sort)
                .orElseThrow(() -> ApiException.badRequest("The cursor is not one this list gave out (or belongs to another sort).")));
        BookQuery query = new BookQuery(libraryId, text, QueryParams.id(ctx, "author"), QueryParams.id(ctx, "narrator"),
                QueryParams.id(ctx, "series"), QueryParams.id(ctx, "genre"), sort, descending,
                QueryParams.integer(ctx, "limit", 1, BookQuery.MAX_LIMIT, DEFAULT_LIMIT), cursor);
        Page<org.cyprus.library.catalog.BookSummary> page;
        try {
            page = catalog.books(query);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The cursor does not fit this list.");
        }
        ctx.json(new LibraryDtos.PageDto<>(page.items().stream().map(LibraryDtos.BookSummaryDto::of).toList(),
                page.nextCursor().orElse(null)));
    }

    void get(Context ctx) {
        ctx.json(LibraryDtos.BookDto.of(book(ctx)));
    }

    /** The book named by the path, if the caller may read it; otherwise 404, as if there were none. */
    BookDetail book(Context ctx) {
        String id = ctx.pathParam("id");
        if (!PublicIds.looksValid(id)) {
            throw ApiException.notFound("There is no book " + id + ".");
        }
        BookDetail book = catalog.book(id).orElseThrow(() -> ApiException.notFound("There is no book " + id + "."));
        authorize.book(ctx, book);
        return book;
    }

    /**
     * {@code POST /api/v1/books/{id}/media-token}: a short-lived capability for players that cannot send headers,
     * valid for this book's media only (append {@code ?t=TOKEN} to its media URLs).
     */
    void mediaToken(Context ctx) {
        BookDetail book = book(ctx);
        MediaCapabilities.Capability capability = capabilities.issue(authorize.principal(ctx).user(), book.id());
        ctx.header("Cache-Control", "no-store");
        ctx.json(java.util.Map.of("token", capability.token(), "expiresAt", capability.expiresAtMs()));
    }

    enum Order { ASC, DESC }
}
