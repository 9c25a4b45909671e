package org.cyprus.api.http;

import io.javalin.http.Handler;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the route table.
 *
 * @param method  the HTTP method (GET routes also answer HEAD)
 * @param path    the path, with {@code {name}} parameters
 * @param access  who may call it
 * @param handler what answers it
 * @param direct  a cheaper answer for the requests it is sure of, tried first ({@link DirectHandler})
 */
public record Route(HttpMethod method, String path, Access access, Handler handler, Optional<DirectHandler> direct) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(direct, "direct");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        if (direct.isPresent() && (method != HttpMethod.GET || access == Access.PUBLIC || !DirectRoutes.supports(path))) {
            throw new IllegalArgumentException("a direct handler needs a guarded GET route ending in one {parameter}: " + path);
        }
    }

    public Route(HttpMethod method, String path, Access access, Handler handler) {
        this(method, path, access, handler, Optional.empty());
    }

    /** This route, answered first by {@code direct} where it can. */
    public Route withDirect(DirectHandler direct) {
        return new Route(method, path, access, handler, Optional.of(direct));
    }

    public static Route get(String path, Access access, Handler handler) {
        return new Route(HttpMethod.GET, path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return new Route(HttpMethod.POST, path, access, handler);
    }

    public static Route put(String path, Access access, Handler handler) {
        return new Route(HttpMethod.PUT, path, access, handler);
    }

    public static Route patch(String path, Access access, Handler handler) {
        return new Route(HttpMethod.PATCH, path, access, handler);
    }

    public static Route delete(String path, Access access, Handler handler) {
        return new Route(HttpMethod.DELETE, path, access, handler);
    }
}
