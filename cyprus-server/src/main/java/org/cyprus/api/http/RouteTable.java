package org.cyprus.api.http;

import java.util.List;
import org.cyprus.system.ServerStatus;

/** Every HTTP route of Cyprus, in one place. */
public final class RouteTable {
    private RouteTable() {
    }

    /** The routes, built over the services they call. */
    public static List<Route> routes(ServerStatus status) {
        SystemResource system = new SystemResource(status);
        return List.of(
                Route.get("/health", Access.PUBLIC, system::health),
                Route.get("/api/v1/server", Access.PUBLIC, system::server));
    }
}
