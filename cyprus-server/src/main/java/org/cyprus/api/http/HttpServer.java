package org.cyprus.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.javalin.util.JavalinException;
import java.io.IOException;
import java.net.BindException;
import java.security.GeneralSecurityException;
import org.cyprus.auth.Secrets;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: Javalin on Jetty 12, requests handled on virtual threads, routes from the
 * {@link RouteTable}, failures mapped by the {@link ErrorMapper}, graceful stop.
 */
public final class HttpServer implements AutoCloseable {
    /** Apache-style access line without the query string, which may hold search terms or signed URLs. */
    private static final String ACCESS_LOG_FORMAT = "%{client}a \"%m %U %H\" %s %O %{ms}Tms \"%{User-Agent}i\"";

    private final Javalin javalin;

    private HttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts listening.
     *
     * @throws PortInUseException when another process holds the address and port
     */
    public static HttpServer start(HttpSettings settings, List<Route> routes, List<SocketRoute> sockets, ObjectMapper mapper,
                                   RouteGuard guard) {
        Javalin javalin = Javalin.create(config -> {
            configure(config, settings, routes, mapper, guard);
            for (SocketRoute socket : sockets) {
                config.routes.addWsHandler(io.javalin.websocket.WsHandlerType.WEBSOCKET, socket.path(), socket.handlers());
            }
        });
        try {
            javalin.start();
        } catch (JavalinBindException e) {
            throw new PortInUseException(settings.host(), settings.port(), e);
        } catch (JavalinException e) {
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(settings.host(), settings.port(), e);
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof TlsSetupException tls) {
                    throw tls;
                }
            }
            throw e;
        }
        return new HttpServer(javalin);
    }

    private static void configure(JavalinConfig config, HttpSettings settings, List<Route> routes, ObjectMapper mapper,
                                  RouteGuard guard) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        QueuedThreadPool pool = threadPool();
        config.jetty.threadPool = pool;
        config.http.prefer405over404 = true;
        config.http.generateEtags = false;
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.http.compressionStrategy = compression();
        config.jsonMapper(new JavalinJackson(mapper, true));
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(settings.shutdownGrace().toMillis());
            server.setStopAtShutdown(false);
            server.setErrorHandler(new JsonErrorPages.ServerErrors());
            // Javalin puts its servlet context inside the server's wrapper: direct routes are asked first.
            server.setHandler(new DirectRoutes(routes, guard, pool.getVirtualThreadsExecutor()));
            if (settings.accessLog()) {
                Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
                writer.setLoggerName("access");
                server.setRequestLog(new CustomRequestLog(writer, ACCESS_LOG_FORMAT));
            }
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorPages.ContextErrors()));
        config.jetty.modifyHttpConfiguration(http -> {
            // Reject ambiguous paths (encoded '/', '.', '..' segments) instead of Javalin's lenient default.
            http.setUriCompliance(UriCompliance.DEFAULT);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            if (!settings.trustedProxies().isEmpty()) {
                http.addCustomizer(new TrustedProxies(settings.trustedProxies()));
            }
        });
        config.jetty.addConnector((server, http) -> settings.tls().isPresent()
                ? httpsConnector(server, http, settings, settings.tls().get()) : httpConnector(server, http, settings));
        ErrorMapper.install(config, routes.stream()
                .filter(r -> r.method() == HttpMethod.GET && r.path().equals(RouteTable.PAGE) && r.access() == Access.PUBLIC)
                .map(Route::handler).findFirst());
        config.routes.before(SecurityHeaders::apply);
        for (Route route : routes) {
            io.javalin.http.Handler guarded = guard.guard(route);
            config.routes.addHttpHandler(route.method().handlerType(), route.path(), guarded);
            if (route.method() == HttpMethod.GET) {
                // Javalin would answer HEAD for a GET route with an empty 200; run the GET handler instead so
                // HEAD carries the same status and headers (RFC 9110 §9.3.2). Jetty drops the body.
                config.routes.addHttpHandler(HandlerType.HEAD, route.path(), guarded);
            }
        }
    }

    /**
     * The plain HTTP connector, with a selector per core: requests a direct route answers run on the selector that
     * read them (see {@link DirectRoutes}), so one selector — Jetty's default on two cores — would put them all on one
     * core.
     */
    private static ServerConnector httpConnector(Server server, HttpConfiguration http, HttpSettings settings) {
        int selectors = Math.max(1, Runtime.getRuntime().availableProcessors());
        ServerConnector connector = new ServerConnector(server, null, null, null, 1, selectors, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    /** An HTTPS-only connector with the PEM certificate and key (the server then listens for nothing else). */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, HttpSettings settings, HttpSettings.Tls tls) {
        char[] password = Secrets.randomToken(24).toCharArray();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        try {
            ssl.setKeyStore(PemKeys.load(tls.certificate(), tls.privateKey(), password));
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("Cannot use " + tls.certificate() + " and " + tls.privateKey() + " for HTTPS: " + e.getMessage(), e);
        }
        ssl.setKeyStorePassword(new String(password));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    private static QueuedThreadPool threadPool() {
        // Platform threads run Jetty's selectors; handlers, which block on files and the database, run on
        // virtual threads.
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory()));
        return pool;
    }

    private static CompressionStrategy compression() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        // Media is already compressed and is served in byte ranges: never gzip it.
        List<String> excluded = new ArrayList<>(strategy.getExcludedMimeTypes());
        excluded.addAll(List.of("application/octet-stream", "multipart/byteranges", "application/mp4"));
        strategy.setExcludedMimeTypes(excluded);
        return strategy;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return javalin.port();
    }

    /** Stops accepting connections and lets requests in flight finish within the grace period. */
    @Override
    public void close() {
        javalin.stop();
    }
}
