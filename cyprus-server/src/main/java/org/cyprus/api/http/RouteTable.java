package org.cyprus.api.http;

import java.util.List;

/** Every HTTP route of Cyprus, in one place, each with who may call it. */
public final class RouteTable {
    /** The web app's page; unknown addresses that ask for HTML get it too. */
    public static final String PAGE = "/";

    private RouteTable() {
    }

    /** The routes, built over the services they call. */
    public static List<Route> routes(ApiServices s) {
        ApiServices.Auth auth = s.auth();
        Authorize authorize = new Authorize(auth.policy());
        SystemResource system = new SystemResource(s.status());
        AuthResource signIn = new AuthResource(auth.accounts(), auth.signIn(), s.clock());
        MeResource me = new MeResource(auth.accounts(), auth.store(), auth.apiKeys(), auth.policy(), s.clock());
        UserResource users = new UserResource(auth.accounts());
        LibraryResource libraries = new LibraryResource(s.libraries(), s.catalog(), s.scans(), authorize);
        BookResource books = new BookResource(s.catalog(), s.libraries(), authorize, auth.capabilities());
        CoverResource covers = new CoverResource(books, s.covers());
        FacetResource facets = new FacetResource(s.catalog(), s.libraries(), authorize);
        UploadResource uploads = new UploadResource(s.uploads(), s.uploadArea());
        StreamResource streams = new StreamResource(s.media().streams(), s.media().files(), authorize);
        FileLookup fileLookup = new FileLookup(s.media().files(), authorize);
        ServedFiles servedFiles = new ServedFiles();
        ByteResponseWriter byteWriter = new ByteResponseWriter(s.media().mappings());
        FileResource files = new FileResource(fileLookup, authorize, byteWriter, servedFiles, s.clock());
        DirectFiles directFiles = new DirectFiles(fileLookup, servedFiles, byteWriter, s.clock());
        ProgressResource progress = new ProgressResource(s.sync().listening(), s.sync().stats(), s.sync().devices());
        BookmarkResource bookmarks = new BookmarkResource(s.sync().bookmarks());
        WebAppResource web = new WebAppResource(new WebAssets("web"));
        return List.of(
                Route.get("/health", Access.PUBLIC, system::health),
                Route.get("/api/v1/server", Access.PUBLIC, system::server),
                Route.get("/api/v1/openapi.json", Access.PUBLIC, OpenApi::serve),

                Route.post("/api/v1/setup", Access.PUBLIC, signIn::setup),
                Route.post("/api/v1/auth/login", Access.PUBLIC, signIn::login),
                Route.post("/api/v1/auth/refresh", Access.PUBLIC, signIn::refresh),
                Route.post("/api/v1/auth/logout", Access.AUTHENTICATED, signIn::logout),

                Route.get("/api/v1/me", Access.AUTHENTICATED, me::me),
                Route.put("/api/v1/me/password", Access.AUTHENTICATED, me::changePassword),
                Route.get("/api/v1/me/sessions", Access.AUTHENTICATED, me::sessions),
                Route.delete("/api/v1/me/sessions", Access.AUTHENTICATED, me::revokeAllSessions),
                Route.delete("/api/v1/me/sessions/{id}", Access.AUTHENTICATED, me::revokeSession),
                Route.get("/api/v1/me/api-keys", Access.AUTHENTICATED, me::apiKeys),
                Route.post("/api/v1/me/api-keys", Access.AUTHENTICATED, me::createApiKey),
                Route.delete("/api/v1/me/api-keys/{id}", Access.AUTHENTICATED, me::revokeApiKey),

                Route.get("/api/v1/me/progress", Access.AUTHENTICATED, progress::list),
                Route.post("/api/v1/me/progress/events", Access.AUTHENTICATED, progress::batch),
                Route.get("/api/v1/me/progress/{bookId}", Access.AUTHENTICATED, progress::get),
                Route.put("/api/v1/me/progress/{bookId}", Access.AUTHENTICATED, progress::put),
                Route.delete("/api/v1/me/progress/{bookId}", Access.AUTHENTICATED, progress::discard),
                Route.get("/api/v1/me/stats", Access.AUTHENTICATED, progress::stats),
                Route.get("/api/v1/me/sessions/listening", Access.AUTHENTICATED, progress::sessions),
                Route.post("/api/v1/me/devices/{id}/control", Access.AUTHENTICATED, progress::control),
                Route.get("/api/v1/me/bookmarks", Access.AUTHENTICATED, bookmarks::list),
                Route.put("/api/v1/me/bookmarks/{id}", Access.AUTHENTICATED, bookmarks::put),
                Route.delete("/api/v1/me/bookmarks/{id}", Access.AUTHENTICATED, bookmarks::delete),

                Route.get("/api/v1/users", Access.ADMIN, users::list),
                Route.post("/api/v1/users", Access.ADMIN, users::create),
                Route.get("/api/v1/users/{id}", Access.ADMIN, users::get),
                Route.patch("/api/v1/users/{id}", Access.ADMIN, users::update),
                Route.delete("/api/v1/users/{id}", Access.ADMIN, users::delete),
                Route.put("/api/v1/users/{id}/password", Access.ADMIN, users::resetPassword),

                Route.get("/api/v1/libraries", Access.AUTHENTICATED, libraries::list),
                Route.post("/api/v1/libraries", Access.ADMIN, libraries::create),
                Route.get("/api/v1/libraries/{id}", Access.AUTHENTICATED, libraries::get),
                Route.delete("/api/v1/libraries/{id}", Access.ADMIN, libraries::delete),
                Route.post("/api/v1/libraries/{id}/scan", Access.ADMIN, libraries::scan),
                Route.get("/api/v1/libraries/{id}/scan", Access.AUTHENTICATED, libraries::scanStatus),
                Route.get("/api/v1/libraries/{id}/books", Access.AUTHENTICATED, books::list),
                Route.post("/api/v1/libraries/{id}/uploads", Access.ADMIN, uploads::upload),

                Route.get("/api/v1/books/{id}", Access.AUTHENTICATED, books::get),
                Route.post("/api/v1/books/{id}/media-token", Access.AUTHENTICATED, books::mediaToken),
                Route.get("/api/v1/books/{id}/cover", Access.MEDIA, covers::get),
                Route.get("/api/v1/books/{id}/stream", Access.MEDIA, streams::stream),
                Route.get("/api/v1/books/{id}/hls/master.m3u8", Access.MEDIA, streams::master),
                Route.get("/api/v1/books/{id}/dash/manifest.mpd", Access.MEDIA, streams::dash),
                Route.get("/api/v1/books/{id}/media/{version}/{name}", Access.MEDIA, streams::media),
                Route.get("/api/v1/files/{id}", Access.MEDIA, files::get).withDirect(directFiles),

                Route.get("/api/v1/authors", Access.AUTHENTICATED, facets::authors),
                Route.get("/api/v1/narrators", Access.AUTHENTICATED, facets::narrators),
                Route.get("/api/v1/series", Access.AUTHENTICATED, facets::series),
                Route.get("/api/v1/genres", Access.AUTHENTICATED, facets::genres),

                // The web app; other page addresses answer index.html too (see ErrorMapper).
                Route.get(PAGE, Access.PUBLIC, web::index),
                Route.get("/assets/{name}", Access.PUBLIC, web::asset),
                Route.get("/{name}", Access.PUBLIC, web::rootFile));
    }
}
