package org.cyprus.api.http;

import org.cyprus.auth.Principal;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A GET route's answer on Jetty's core API, for the requests that must cost least (a player's range after range of
 * a file). It runs where Jetty read the request, before any hand-off to a request thread, so it must never wait: no
 * database, no blocking write — only what is already remembered, and writes that complete through callbacks. The
 * caller is already authenticated by a media capability and admitted exactly as the {@link RouteGuard} would. It
 * declines — returns false before touching the response — whatever it is not sure of or would have to wait for, and
 * the route's handler then answers on a request thread as always, errors included, so every failure still goes
 * through the one {@link ErrorMapper}.
 */
@FunctionalInterface
public interface DirectHandler {

    /**
     * Answers the request and returns true (completing {@code callback}, now or later), or returns false having
     * written nothing.
     *
     * @param parameter the value of the route's one path parameter (never empty, never percent-encoded)
     */
    boolean handle(String parameter, Principal principal, Request request, Response response, Callback callback);
}
