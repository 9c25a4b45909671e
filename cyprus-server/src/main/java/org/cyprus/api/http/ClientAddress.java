package org.cyprus.api.http;

import io.javalin.http.Context;

/** The client's address as the connection (or a trusted proxy's forwarding headers, applied by Jetty) gives it. */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(Context ctx) {
        String address = ctx.req().getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
