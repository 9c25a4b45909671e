package org.cyprus.api.http;

import java.time.Duration;

/**
 * How the HTTP server listens and behaves.
 *
 * @param host            address to bind
 * @param port            port, {@code 0} for any free one
 * @param accessLog       whether each request gets a log line
 * @param shutdownGrace   how long requests in flight may take to finish on stop
 * @param maxRequestBytes largest request body a handler will read
 */
public record HttpSettings(String host, int port, boolean accessLog, Duration shutdownGrace, long maxRequestBytes) {
}
