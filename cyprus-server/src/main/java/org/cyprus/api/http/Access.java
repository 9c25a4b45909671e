package org.cyprus.api.http;

/**
 * Who may call a route; every route in the {@link RouteTable} declares one, and {@link RouteGuard} enforces it before
 * the handler runs. Handlers then ask the access policy about the library, book or file they touch.
 */
public enum Access {
    /** Anyone, signed in or not: health, server info, sign-in, first-run setup, the API description. */
    PUBLIC,
    /** A signed-in account (session cookie, access token or API key); media capabilities are not enough. */
    AUTHENTICATED,
    /** An active administrator. */
    ADMIN,
    /** Media bytes a player fetches: a signed-in account, or a media capability for the book in question. */
    MEDIA
}
