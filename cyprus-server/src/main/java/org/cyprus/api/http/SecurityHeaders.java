package org.cyprus.api.http;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers every response carries: no MIME sniffing, no referrers, no framing, and a strict Content-Security-Policy
 * (the web client is served from this origin and needs nothing else); HSTS when the request came over HTTPS.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if ("https".equals(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** The same headers, for a response written on Jetty's core API. */
    static void apply(HttpFields.Mutable fields, boolean secure) {
        fields.add("X-Content-Type-Options", "nosniff");
        fields.add("Referrer-Policy", "no-referrer");
        fields.add("X-Frame-Options", "DENY");
        fields.add("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (secure) {
            fields.add("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
