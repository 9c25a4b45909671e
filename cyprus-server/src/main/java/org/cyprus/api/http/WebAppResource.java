package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * The web app, served from the class path: {@code /} and every page address answer {@code index.html}; hashed
 * {@code /assets/*} are cached for a year as immutable; the page, the service worker and the manifest are revalidated
 * on every use ({@code no-cache} with an entity tag, so an unchanged file costs a 304).
 */
final class WebAppResource {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final WebAssets assets;

    WebAppResource(WebAssets assets) {
        this.assets = assets;
    }

    void index(Context ctx) {
        serve(ctx, "index.html", REVALIDATE);
    }

    void asset(Context ctx) {
        serve(ctx, "assets/" + ctx.pathParam("name"), IMMUTABLE);
    }

    /** A file at the root (the service worker, the manifest, icons), else a page of the app such as {@code /library}. */
    void rootFile(Context ctx) {
        String name = ctx.pathParam("name");
        if (assets.find(name).isEmpty() && isPage(ctx)) {
            index(ctx);
            return;
        }
        serve(ctx, name, REVALIDATE);
    }

    /**
     * Whether an unknown address is a page of the app (a GET or HEAD outside {@code /api/} from a client that accepts
     * HTML), which the app itself routes once {@code index.html} has loaded.
     */
    static boolean isPage(Context ctx) {
        String method = ctx.method().name();
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("").toLowerCase(Locale.ROOT);
        return (method.equals("GET") || method.equals("HEAD")) && !ctx.path().startsWith("/api/") && !ctx.path().equals("/api")
                && accept.contains("text/html");
    }

    private void serve(Context ctx, String name, String cacheControl) {
        WebAssets.Asset asset = assets.find(name).orElseThrow(() -> ApiException.notFound(name.equals("index.html")
                ? "The web app is not part of this build (it was built with -Dcyprus.skipWeb)."
                : "There is nothing at " + ctx.path() + "."));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", asset.etag());
        ctx.header("Vary", "Accept-Encoding");
        // RFC 9110 §13.1.2: a matching If-None-Match on a GET or HEAD answers 304 without the body.
        String match = ctx.header("If-None-Match");
        if (match != null && (match.trim().equals("*") || java.util.Arrays.stream(match.split(","))
                .map(String::trim).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(asset.etag()::equals))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }
}
