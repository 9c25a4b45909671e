package org.cyprus.api.http;

/** Who may call a route; every route in the {@link RouteTable} declares one. */
public enum Access {
    /** Anyone, signed in or not: health checks and what a client needs before signing in. */
    PUBLIC
}
