package org.cyprus.api.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /api/v1/openapi.json}: the API's OpenAPI 3.1 description, kept beside the code it describes. */
final class OpenApi {
    static final String RESOURCE = "/openapi.json";
    private static final byte[] DOCUMENT = load();

    private OpenApi() {
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void serve(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("application/json");
        ctx.result(DOCUMENT);
    }
}
