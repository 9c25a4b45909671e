package org.cyprus.api.http;

import java.util.List;

/** Every HTTP route of Cyprus, in one place. */
public final class RouteTable {
    private RouteTable() {
    }

    /** The routes, built over the services they call. */
    public static List<Route> routes(ApiServices services) {
        SystemResource system = new SystemResource(services.status());
        LibraryResource libraries = new LibraryResource(services.libraries(), services.catalog(), services.scans());
        BookResource books = new BookResource(services.catalog(), services.libraries());
        CoverResource covers = new CoverResource(books, services.covers());
        FacetResource facets = new FacetResource(services.catalog(), services.libraries());
        UploadResource uploads = new UploadResource(services.uploads(), services.uploadArea());
        return List.of(
                Route.get("/health", Access.PUBLIC, system::health),
                Route.get("/api/v1/server", Access.PUBLIC, system::server),
                Route.get("/api/v1/openapi.json", Access.PUBLIC, OpenApi::serve),

                Route.get("/api/v1/libraries", Access.PUBLIC, libraries::list),
                Route.post("/api/v1/libraries", Access.PUBLIC, libraries::create),
                Route.get("/api/v1/libraries/{id}", Access.PUBLIC, libraries::get),
                Route.delete("/api/v1/libraries/{id}", Access.PUBLIC, libraries::delete),
                Route.post("/api/v1/libraries/{id}/scan", Access.PUBLIC, libraries::scan),
                Route.get("/api/v1/libraries/{id}/scan", Access.PUBLIC, libraries::scanStatus),
                Route.get("/api/v1/libraries/{id}/books", Access.PUBLIC, books::list),
                Route.post("/api/v1/libraries/{id}/uploads", Access.PUBLIC, uploads::upload),

                Route.get("/api/v1/books/{id}", Access.PUBLIC, books::get),
                Route.get("/api/v1/books/{id}/cover", Access.PUBLIC, covers::get),

                Route.get("/api/v1/authors", Access.PUBLIC, facets::authors),
                Route.get("/api/v1/narrators", Access.PUBLIC, facets::narrators),
                Route.get("/api/v1/series", Access.PUBLIC, facets::series),
                Route.get("/api/v1/genres", Access.PUBLIC, facets::genres));
    }
}
