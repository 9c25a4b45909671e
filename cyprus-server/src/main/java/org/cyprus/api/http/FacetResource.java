package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyprus.library.Library;
import org.cyprus.library.LibraryService;
import org.cyprus.library.catalog.Catalog;
import org.cyprus.library.catalog.FacetKind;

/** {@code /api/v1/authors}, {@code /narrators}, {@code /series}, {@code /genres}: filter values with book counts. */
final class FacetResource {
    private final Catalog catalog;
    private final LibraryService libraries;
    private final Authorize authorize;

    FacetResource(Catalog catalog, LibraryService libraries, Authorize authorize) {
        this.catalog = catalog;
        this.libraries = libraries;
        this.authorize = authorize;
    }

    void authors(Context ctx) {
        list(ctx, FacetKind.AUTHORS);
    }

    void narrators(Context ctx) {
        list(ctx, FacetKind.NARRATORS);
    }

    void series(Context ctx) {
        list(ctx, FacetKind.SERIES);
    }

    void genres(Context ctx) {
        list(ctx, FacetKind.GENRES);
    }

    private void list(Context ctx, FacetKind kind) {
        Set<Long> scope = QueryParams.id(ctx, "library").map(id -> {
            authorize.library(ctx, id);
            return Set.of(libraries.library(id).id());
        }).orElseGet(() -> authorize.readableLibraries(ctx, libraries.libraries().stream().map(Library::id).collect(Collectors.toSet())));
        ctx.json(catalog.facets(kind, scope, QueryParams.text(ctx, "q", 100), QueryParams.integer(ctx, "limit", 1, 5000, 500))
                .stream().map(LibraryDtos.FacetDto::of).toList());
    }
}
