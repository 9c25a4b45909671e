package org.cyprus.api.http;

import io.javalin.http.Handler;
import java.util.Objects;

/**
 * One entry of the route table.
 *
 * @param method  the HTTP method (GET routes also answer HEAD)
 * @param path    the path, with {@code {name}} parameters
 * @param access  who may call it
 * @param handler what answers it
 */
public record Route(HttpMethod method, String path, Access access, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
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
