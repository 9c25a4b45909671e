package org.cyprus.api.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cyprus.progress.DeviceDirectory;
import org.slf4j.LoggerFactory;
import java.util.concurrent.TimeUnit;
import org.cyprus.api.http.AuthCookies;
import org.cyprus.api.http.SocketRoute;
import org.cyprus.auth.Credentials;
import org.cyprus.auth.Principal;

/**
 * {@code /api/v1/ws}: the real-time channel. A connection is authenticated at the upgrade by the session cookie (same
 * origin only) or an {@code Authorization: Bearer} header, or else by an {@code auth} message with a token as its
 * first message within {@link #AUTH_TIMEOUT}; a token in the URL is never looked at. Then it gets a {@code hello}
 * with the server's time and the listener's version, and from then on the listener's changes from other devices.
 * Pings every {@link #PING_INTERVAL} and an idle timeout close connections whose peer has gone.
 */
public final class SyncSocket {
    public static final String PATH = "/api/v1/ws";
    /** Largest message a client may send; larger ones close the connection (1009). */
    static final long MAX_MESSAGE_BYTES = 256 * 1024;
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
    static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Close codes (RFC 6455 §7.4.2 leaves 4000–4999 to applications). */
    static final int UNAUTHORIZED = 4401;
    static final int FORBIDDEN = 4403;
    /** How often open connections are checked against their accounts: a device signed out is gone within this. */
    static final Duration SIGN_OUT_CHECK = Duration.ofSeconds(2);
    /** Without an account change on this server, a connection is checked this often (for changes made elsewhere). */
    static final Duration FULL_CHECK = Duration.ofMinutes(1);

    private final Credentials credentials;
    private final SocketRequests requests;
    private final ObjectMapper mapper;
    private final SocketMessages messages;
    private final Map<WsContext, SocketConnection> connections = new ConcurrentHashMap<>();
    private final DeviceDirectory devices;
    private final AtomicBoolean checking = new AtomicBoolean();

    /** The endpoint over the services the HTTP API uses too. */
    public static SyncSocket over(org.cyprus.api.http.ApiServices s, ObjectMapper mapper) {
        org.cyprus.api.http.ApiServices.Sync sync = s.sync();
        SocketRequests requests = new SocketRequests(s.auth().credentials(), sync.listening(), sync.bookmarks(), sync.devices(),
                sync.hub(), mapper, s.clock());
        return new SyncSocket(s.auth().credentials(), requests, mapper, new SocketMessages(s.auth().policy(), sync.devices()),
                sync.devices());
    }

    SyncSocket(Credentials credentials, SocketRequests requests, ObjectMapper mapper, SocketMessages messages, DeviceDirectory devices) {
        this.credentials = credentials;
        this.requests = requests;
        this.mapper = mapper;
        this.messages = messages;
        this.devices = devices;
    }

    /**
     * While connections are open, disconnects every few seconds those whose device was signed out or whose account
     * was disabled or deleted, however that happened (by the device, another device, an administrator, a password
     * change): a signed-out device must not keep receiving the listener's positions.
     */
    private void checkSignOuts() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("ws-sign-outs").start(() -> {
            try {
                while (!connections.isEmpty()) {
                    Thread.sleep(SIGN_OUT_CHECK);
                    // Each connection asks the store only after an account change through this server, or once a
                    // minute for changes made by other servers.
                    for (SocketConnection c : connections.values()) {
                        if (c.isAuthenticated() && !c.stillSignedIn(devices)) {
                            c.close(UNAUTHORIZED, "This device was signed out.");
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger("ws").warn("Checking WebSocket connections against their accounts failed", e);
            } finally {
                checking.set(false);
            }
            if (!connections.isEmpty()) {
                checkSignOuts();
            }
        });
    }

    public SocketRoute route() {
        return new SocketRoute(PATH, this::configure);
    }

    private void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(ctx -> {
            SocketConnection c = connections.get(ctx);
            if (c != null) {
                String text = ctx.message();
                c.handle(() -> requests.handle(c, text));
            }
        });
        ws.onClose(ctx -> {
            SocketConnection c = connections.remove(ctx);
            if (c != null) {
                c.closed();
            }
        });
        ws.onError(ctx -> {
            SocketConnection c = connections.remove(ctx);
            if (c != null) {
                c.closed();
            }
        });
    }

    private void connect(WsConnectContext ctx) {
        ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        ctx.session.setMaxBinaryMessageSize(1024);
        ctx.session.setIdleTimeout(IDLE_TIMEOUT);
        ctx.session.setMaxOutgoingFrames(4096);
        ctx.enableAutomaticPings(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        SocketConnection connection = new SocketConnection(ctx, mapper, messages);
        connections.put(ctx, connection);
        checkSignOuts();
        String address = ctx.session.getRemoteSocketAddress() instanceof java.net.InetSocketAddress a
                ? a.getAddress().getHostAddress() : "unknown";
        Optional<Principal> principal = Optional.empty();
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            principal = requests.authenticate(authorization.substring(7).strip(), address);
            if (principal.isEmpty()) {
                connection.close(UNAUTHORIZED, "The credentials are not valid (expired, revoked or malformed).");
                return;
            }
        } else if (ctx.cookie(AuthCookies.ACCESS) != null) {
            if (!sameOrigin(ctx)) {
                connection.close(FORBIDDEN, "Connections from another origin are refused.");
                return;
            }
            principal = credentials.accessToken(ctx.cookie(AuthCookies.ACCESS), Principal.Method.COOKIE, address);
        }
        if (principal.isPresent()) {
            Principal p = principal.get();
            connection.handle(() -> requests.welcome(connection, p));
        } else {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(AUTH_TIMEOUT);
                } catch (InterruptedException e) {
                    return;
                }
                if (!connection.isAuthenticated()) {
                    connection.close(UNAUTHORIZED, "Authenticate with the session cookie or an auth message first.");
                }
            });
        }
    }

    /** A cookie-authenticated upgrade must come from this server's own pages (no cross-site WebSocket hijacking). */
    private static boolean sameOrigin(WsConnectContext ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        try {
            String host = URI.create(origin).getAuthority();
            return host != null && host.equalsIgnoreCase(ctx.header("Host"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
