package org.cyprus.api.http;

import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.library.Library;
import org.cyprus.library.LibraryService;
import org.cyprus.library.catalog.Catalog;

/** {@code /api/v1/libraries}: listing, creating and deleting libraries, and asking for scans. */
final class LibraryResource {
    private final LibraryService libraries;
    private final Catalog catalog;
    private final ScanStatusBoard scans;
    private final Authorize authorize;

    LibraryResource(LibraryService libraries, Catalog catalog, ScanStatusBoard scans, Authorize authorize) {
        this.libraries = libraries;
        this.catalog = catalog;
        this.scans = scans;
        this.authorize = authorize;
    }

    record CreateLibrary(String name, List<String> folders) {
    }

    record ScanRequest(String path) {
    }

    void list(Context ctx) {
        Map<Long, Long> counts = catalog.bookCounts();
        List<Library> all = libraries.libraries();
        var readable = authorize.readableLibraries(ctx, all.stream().map(Library::id).toList());
        boolean admin = authorize.administers(ctx);
        ctx.json(all.stream().filter(l -> readable.contains(l.id()))
                .map(l -> LibraryDtos.LibraryDto.of(l, counts.getOrDefault(l.id(), 0L), admin)).toList());
    }

    void get(Context ctx) {
        long id = QueryParams.pathId(ctx, "id");
        authorize.library(ctx, id);
        Library library = libraries.library(id);
        ctx.json(LibraryDtos.LibraryDto.of(library, catalog.bookCounts().getOrDefault(library.id(), 0L), authorize.administers(ctx)));
    }

    void create(Context ctx) {
        CreateLibrary request = ctx.bodyAsClass(CreateLibrary.class);
        if (request.name() == null || request.folders() == null || request.folders().isEmpty()) {
            throw ApiException.badRequest("Give a 'name' and at least one entry in 'folders'.");
        }
        List<Path> folders = request.folders().stream().map(f -> {
            Path path = Path.of(f == null ? "" : f);
            if (!path.isAbsolute()) {
                throw ApiException.badRequest("Library folders must be absolute paths: '" + f + "'.");
            }
            return path;
        }).toList();
        Library library = libraries.create(request.name(), folders);
        libraries.scanInBackground(library.id(), Optional.empty());
        ctx.status(201).json(LibraryDtos.LibraryDto.of(library, 0, true));
    }

    void delete(Context ctx) {
        long id = QueryParams.pathId(ctx, "id");
        if (!libraries.delete(id)) {
            throw ApiException.notFound("There is no library " + id + ".");
        }
        ctx.status(204);
    }

    void scan(Context ctx) {
        long id = QueryParams.pathId(ctx, "id");
        Optional<String> path = ctx.body().isBlank() ? Optional.empty()
                : Optional.ofNullable(ctx.bodyAsClass(ScanRequest.class).path()).filter(p -> !p.isBlank());
        libraries.scanInBackground(id, path);
        ctx.status(202).json(scans.status(id));
    }

    void scanStatus(Context ctx) {
        long id = QueryParams.pathId(ctx, "id");
        authorize.library(ctx, id);
        libraries.library(id);
        ctx.json(scans.status(id));
    }
}
