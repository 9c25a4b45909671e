package org.cyprus.api.http;

import io.javalin.websocket.WsConfig;
import java.util.function.Consumer;

/** A WebSocket endpoint: its path and its handlers. It authenticates its connections itself (see {@code api.ws}). */
public record SocketRoute(String path, Consumer<WsConfig> handlers) {
}
