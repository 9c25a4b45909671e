package org.cyprus.api.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the HTTP server listens and behaves.
 *
 * @param host            address to bind
 * @param port            port, {@code 0} for any free one
 * @param accessLog       whether each request gets a log line
 * @param shutdownGrace   how long requests in flight may take to finish on stop
 * @param maxRequestBytes largest request body a handler will read
 * @param tls             PEM certificate chain and key for HTTPS, if the server terminates TLS itself
 * @param trustedProxies  addresses and CIDR ranges whose {@code X-Forwarded-*} headers are believed
 */
public record HttpSettings(String host, int port, boolean accessLog, Duration shutdownGrace, long maxRequestBytes,
                           Optional<Tls> tls, List<String> trustedProxies) {

    /** The PEM files of built-in HTTPS. */
    public record Tls(Path certificate, Path privateKey) {
    }
}
