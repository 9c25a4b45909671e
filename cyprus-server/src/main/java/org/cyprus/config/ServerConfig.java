package org.cyprus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's settings, fully resolved and validated; immutable and passed to whatever needs a part of it.
 *
 * @param host           address to bind
 * @param port           TCP port, {@code 0} for any free port
 * @param dataDir        folder for the database and caches
 * @param library        folder of the first library, if one was given or the sample library is present
 * @param databaseUrl    JDBC URL of the database
 * @param serverName     name shown to users
 * @param watch          whether file-system events trigger rescans
 * @param rescanInterval how often every library is rescanned; zero for never
 * @param tls            certificate and key files for built-in HTTPS, if configured
 * @param trustedProxies addresses and CIDR ranges of reverse proxies whose forwarding headers are believed
 * @param logLevel       application log level
 * @param accessLog      whether each request is logged
 * @param shutdownGrace  how long requests in flight may take to finish on stop
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Optional<Path> library,
        String databaseUrl,
        String serverName,
        boolean watch,
        Duration rescanInterval,
        Optional<TlsFiles> tls,
        List<String> trustedProxies,
        LogLevel logLevel,
        boolean accessLog,
        Duration shutdownGrace) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(rescanInterval, "rescanInterval");
        Objects.requireNonNull(tls, "tls");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A copy listening on {@code newPort}. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, library, databaseUrl, serverName, watch, rescanInterval, tls,
                trustedProxies, logLevel, accessLog, shutdownGrace);
    }

    /** The PEM files of built-in HTTPS. */
    public record TlsFiles(Path certificate, Path privateKey) {
    }

    /** Log levels the server accepts. */
    public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }
}
