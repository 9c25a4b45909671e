package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.Map;
import org.cyprus.system.ServerStatus;

/** Health and identity of the server: {@code /health} and {@code /api/v1/server}. */
final class SystemResource {
    private final ServerStatus status;

    SystemResource(ServerStatus status) {
        this.status = status;
    }

    void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!status.ready()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "The database is not ready.", Map.of("Retry-After", "1"));
        }
        ctx.json(Map.of("status", "ok"));
    }

    void server(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(status.info());
    }
}
