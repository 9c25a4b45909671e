package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.cyprus.progress.Bookmarks;

/** {@code /api/v1/me/bookmarks}: the listener's bookmarks, synced like positions; deletions stay as tombstones. */
final class BookmarkResource {
    private final Bookmarks bookmarks;

    BookmarkResource(Bookmarks bookmarks) {
        this.bookmarks = bookmarks;
    }

    /** Live bookmarks, of one book with {@code ?bookId=}; with {@code ?since=VERSION} every change after it, tombstones included. */
    void list(Context ctx) {
        ctx.json(bookmarks.list(RouteGuard.principal(ctx), QueryParams.text(ctx, "bookId", 64), QueryParams.id(ctx, "since"))
                .stream().map(ListeningDtos.BookmarkDto::of).toList());
    }

    /** Creates or changes a bookmark (idempotent by its client-chosen id); an edit older than the stored one changes nothing. */
    void put(Context ctx) {
        ListeningDtos.BookmarkIn in = ctx.bodyAsClass(ListeningDtos.BookmarkIn.class);
        if (in.positionSec() == null || !Double.isFinite(in.positionSec()) || in.positionSec() < 0) {
            throw ApiException.badRequest("positionSec must be a number of seconds, zero or more.");
        }
        if (in.bookId() == null) {
            throw ApiException.badRequest("A bookmark names its bookId.");
        }
        ctx.json(ListeningDtos.BookmarkDto.of(bookmarks.save(RouteGuard.principal(ctx), new Bookmarks.Edit(ctx.pathParam("id"),
                in.bookId(), Math.round(Math.min(in.positionSec(), 1e12) * 1000), in.title(), Optional.ofNullable(in.note()),
                Optional.ofNullable(in.deviceTimeMs())))));
    }

    /** Deletes a bookmark; {@code ?deviceTime=} for a deletion made offline. */
    void delete(Context ctx) {
        bookmarks.delete(RouteGuard.principal(ctx), ctx.pathParam("id"), QueryParams.id(ctx, "deviceTime"));
        ctx.status(204);
    }
}
