package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Set;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.Principal;
import org.cyprus.library.catalog.BookDetail;
import org.cyprus.library.media.PlayableFile;

/**
 * Resource-level checks for handlers, through the one access policy. Anything the caller may not read answers
 * exactly as something that does not exist (404), so ids of other libraries' books reveal nothing.
 */
final class Authorize {
    private final AccessPolicy policy;

    Authorize(AccessPolicy policy) {
        this.policy = policy;
    }

    void library(Context ctx, long libraryId) {
        if (!policy.canReadLibrary(RouteGuard.principal(ctx), libraryId)) {
            throw ApiException.notFound("There is no library " + libraryId + ".");
        }
    }

    void book(Context ctx, BookDetail book) {
        if (!policy.canReadBook(RouteGuard.principal(ctx), book.libraryId(), book.id())) {
            throw ApiException.notFound("There is no book " + book.id() + ".");
        }
    }

    /** As {@link #book(Context, BookDetail)}, for a book known by its id and library only. */
    void book(Context ctx, long libraryId, String bookId) {
        if (!policy.canReadBook(RouteGuard.principal(ctx), libraryId, bookId)) {
            throw ApiException.notFound("There is no book " + bookId + ".");
        }
    }

    /** The file's book must be readable (by library access, or a media capability for that book). */
    void file(Context ctx, PlayableFile file) {
        file(RouteGuard.principal(ctx), file);
    }

    /** As {@link #file(Context, PlayableFile)}, for a principal found outside the framework. */
    void file(Principal principal, PlayableFile file) {
        if (!mayRead(principal, file)) {
            throw ApiException.notFound("There is no file " + file.id() + ".");
        }
    }

    boolean mayRead(Principal principal, PlayableFile file) {
        return policy.canReadBook(principal, file.libraryId(), file.bookId());
    }

    Set<Long> readableLibraries(Context ctx, Collection<Long> libraryIds) {
        return policy.readableLibraries(RouteGuard.principal(ctx), libraryIds);
    }

    void download(Context ctx) {
        if (!policy.canDownload(RouteGuard.principal(ctx))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This account may not download books.");
        }
    }

    boolean administers(Context ctx) {
        return policy.canAdminister(RouteGuard.principal(ctx));
    }

    Principal principal(Context ctx) {
        return RouteGuard.principal(ctx);
    }
}
