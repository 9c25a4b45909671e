package org.cyprus.api.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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

    /** What every response carries, whatever the scheme. */
    private static final List<Map.Entry<String, String>> ALWAYS = List.of(Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("Referrer-Policy", "no-referrer"), Map.entry("X-Frame-Options", "DENY"),
            Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    private static final Map.Entry<String, String> HSTS = Map.entry("Strict-Transport-Security", "max-age=31536000");

    static void apply(Context ctx) {
        apply("https".equals(ctx.scheme()), ctx::header);
    }

    /** The same headers, for a response written on Jetty's core API. */
    static void apply(HttpFields.Mutable fields, boolean secure) {
        apply(secure, fields::add);
    }

    private static void apply(boolean secure, BiConsumer<String, String> header) {
        ALWAYS.forEach(h -> header.accept(h.getKey(), h.getValue()));
        if (secure) {
            header.accept(HSTS.getKey(), HSTS.getValue());
        }
    }
}
