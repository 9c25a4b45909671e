package org.cyprus.api.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsContext;
import java.util.Optional;
import org.cyprus.auth.Principal;
import org.cyprus.progress.DeviceDirectory;
import org.cyprus.progress.SyncHub;
import org.cyprus.progress.SyncMessage;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket: who it speaks for once authenticated, its subscription to the listener's changes, and a
 * serial worker that handles its messages in the order they came. Every frame is sent with a callback: a send that
 * fails (a dead or hopelessly slow peer) closes the connection rather than dropping messages silently.
 *
 * <p>What the worker sends (answers) is gathered and written when the worker has nothing more queued: a device's
 * burst of events, committed together, is answered in one write instead of one per event. Pushes from other
 * devices' changes are written at once.
 */
final class SocketConnection implements SyncHub.Subscriber {
    private static final Logger log = LoggerFactory.getLogger("ws");

    private final WsContext ctx;
    private final ObjectMapper mapper;
    private final SocketMessages messages;
    private final SerialRunner worker = new SerialRunner(this::writeGathered);
    private final CoreSession session;
    /** Frames gathered and not yet written (touched by the worker only). */
    private boolean gathered;
    private volatile Principal principal;
    private volatile String deviceId = "";
    private volatile AutoCloseable subscription;
    private volatile SyncHub hub;
    private volatile boolean closed;

    /** The store's account change count when this device was last found signed in, and when (nanoTime). */
    private record Verified(long changes, long atNanos) {
    }

    private volatile Verified verified;
    private static final long RECHECK_NANOS = SyncSocket.FULL_CHECK.toNanos();

    SocketConnection(WsContext ctx, ObjectMapper mapper, SocketMessages messages) {
        this.ctx = ctx;
        this.mapper = mapper;
        this.messages = messages;
        this.session = ((WebSocketSession) ctx.session).getCoreSession();
    }

    /**
     * Runs {@code work} after everything given before it: on the calling thread if it is a virtual one (Jetty's,
     * reading the message) and nothing else runs, else on the thread running this connection's tasks or a new one.
     */
    void handle(Runnable work) {
        if (!closed) {
            worker.run(work);
        }
    }

    /** With nothing more queued, writes what the tasks sent: a burst of events, committed together, is one write. */
    private void writeGathered() {
        if (gathered) {
            gathered = false;
            session.flush(Callback.NOOP);
        }
    }

    void authenticated(Principal p, String device, SyncHub hub) {
        this.principal = p;
        this.deviceId = device;
        this.hub = hub;
        this.subscription = hub.subscribe(p.user().id(), this);
    }

    Principal principal() {
        return principal;
    }

    boolean isAuthenticated() {
        return principal != null;
    }

    /**
     * Whether this connection's device is still signed in and its account active. The store is asked again only
     * after an account change made through this server (its change count moved) or once {@link SyncSocket#FULL_CHECK}
     * has passed since it last answered — changes made by another server sharing the database are seen within that.
     * Asking the store on every message of a thousand playing devices took an eighth of the server's CPU.
     */
    boolean stillSignedIn(DeviceDirectory devices) {
        Principal p = principal;
        if (p == null) {
            return false;
        }
        java.util.OptionalLong changes = devices.accountChanges();
        long now = System.nanoTime();
        Verified v = verified;
        if (v != null && changes.isPresent() && changes.getAsLong() == v.changes() && now - v.atNanos() < RECHECK_NANOS) {
            return true;
        }
        if (!devices.stillSignedIn(p)) {
            return false;
        }
        verified = changes.isPresent() ? new Verified(changes.getAsLong(), now) : null;
        return true;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void deliver(SyncMessage message) {
        try {
            messages.text(message, principal, mapper).ifPresent(text -> sendText(text, false));
        } catch (IllegalStateException e) {
            log.warn("Cannot encode a WebSocket message", e);
        }
    }

    /** Sends {@code body} as JSON; on the worker it is gathered with the worker's other answers. */
    void send(Object body) {
        if (closed) {
            return;
        }
        String text;
        try {
            text = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            log.warn("Cannot encode a WebSocket message", e);
            return;
        }
        sendText(text, onWorker());
    }

    private boolean onWorker() {
        return worker.isRunnerThread();
    }

    /** Queues a text frame; {@code gather}: held until the worker is done, else written now with anything gathered. */
    private void sendText(String text, boolean gather) {
        if (closed) {
            return;
        }
        try {
            session.sendFrame(new Frame(OpCode.TEXT).setPayload(text), Callback.from(() -> { }, failure -> close(1011, "send failed")), gather);
            if (gather) {
                gathered = true;
            }
        } catch (RuntimeException e) {
            close(1011, "send failed");
        }
    }

    /** Closes with {@code code} and a reason the client can show. */
    void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed();
        try {
            ctx.closeSession(code, reason);
        } catch (RuntimeException ignored) {
            // already closing
        }
    }

    /** Forgets the subscription and stops the worker; the socket is closed or closing. */
    synchronized void closed() {
        closed = true;
        AutoCloseable s = subscription;
        subscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // nothing to release
            }
            // The device's siblings learn it is gone once its last connection is (two tabs are one device).
            long userId = principal.user().id();
            if (!hub.connectedDevices(userId).contains(deviceId)) {
                hub.publish(userId, new SyncMessage.DeviceLeft(deviceId, messages.deviceName(deviceId)), Optional.of(deviceId));
            }
        }
        worker.stop();
    }
}
