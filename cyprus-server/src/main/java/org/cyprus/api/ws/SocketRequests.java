package org.cyprus.api.ws;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.api.http.ErrorCode;
import org.cyprus.api.http.ErrorMapper;
import org.cyprus.api.http.ListeningDtos;
import org.cyprus.auth.Credentials;
import org.cyprus.auth.Principal;
import org.cyprus.progress.Bookmark;
import org.cyprus.progress.Bookmarks;
import org.cyprus.progress.DeviceDirectory;
import org.cyprus.progress.Listening;
import org.cyprus.progress.ListeningEvent;
import org.cyprus.progress.ListeningRule;
import org.cyprus.progress.ProgressException;
import org.cyprus.progress.SyncHub;
import org.cyprus.progress.SyncMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what a device sends over the WebSocket — {@code auth}, {@code resume}, {@code event}, {@code events},
 * {@code bookmark}, {@code control}, {@code ping} — through the same services as the HTTP API. A malformed or refused
 * message gets an {@code error} reply naming its {@code requestId}; the connection stays open.
 */
final class SocketRequests {
    private static final Logger log = LoggerFactory.getLogger("ws");

    private final Credentials credentials;
    private final Listening listening;
    private final Bookmarks bookmarks;
    private final DeviceDirectory devices;
    private final SyncHub hub;
    private final ObjectMapper mapper;
    private final Clock clock;

    SocketRequests(Credentials credentials, Listening listening, Bookmarks bookmarks, DeviceDirectory devices, SyncHub hub,
                          ObjectMapper mapper, Clock clock) {
        this.credentials = credentials;
        this.listening = listening;
        this.bookmarks = bookmarks;
        this.devices = devices;
        this.hub = hub;
        this.mapper = mapper;
        this.clock = clock;
    }

    Optional<Principal> authenticate(String token, String address) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        return token.startsWith(Credentials.API_KEY_PREFIX) ? credentials.apiKey(token)
                : credentials.accessToken(token, Principal.Method.BEARER, address);
    }

    void welcome(SocketConnection c, Principal p) {
        String deviceId = devices.deviceOf(p);
        c.authenticated(p, deviceId, hub);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("serverTime", clock.millis());
        hello.put("version", listening.version(p.user().id()));
        hello.put("deviceId", deviceId);
        hello.put("deviceName", devices.name(deviceId));
        hello.put("devicesConnected", hub.connectedDevices(p.user().id()));
        c.send(hello);
    }

    void handle(SocketConnection c, String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (JacksonException e) {
            c.send(error(null, ErrorCode.INVALID_JSON, "The message is not valid JSON."));
            return;
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            c.send(error(null, ErrorCode.BAD_REQUEST, "A message is a JSON object with a type."));
            return;
        }
        JsonNode requestId = message.get("requestId");
        String type = message.get("type").asText();
        try {
            if (!c.isAuthenticated()) {
                authenticateByMessage(c, type, message);
                return;
            }
            if (!c.stillSignedIn(devices)) {
                c.close(SyncSocket.UNAUTHORIZED, "This device was signed out.");
                return;
            }
            dispatch(c, type, message, requestId);
        } catch (ProgressException e) {
            c.send(error(requestId, ErrorMapper.code(e), e.getMessage()));
        } catch (JacksonException | IllegalArgumentException e) {
            c.send(error(requestId, ErrorCode.BAD_REQUEST, "The " + type + " message is malformed: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.error("A WebSocket {} message failed", type, e);
            c.send(error(requestId, ErrorCode.INTERNAL, "The server could not handle this message."));
        }
    }

    private void authenticateByMessage(SocketConnection c, String type, JsonNode message) {
        if (!type.equals("auth") || !message.path("token").isTextual()) {
            c.close(SyncSocket.UNAUTHORIZED, "Authenticate first: {\"type\":\"auth\",\"token\":\"...\"}.");
            return;
        }
        Optional<Principal> p = authenticate(message.get("token").asText(), "websocket");
        if (p.isEmpty()) {
            c.close(SyncSocket.UNAUTHORIZED, "The credentials are not valid (expired, revoked or malformed).");
            return;
        }
        welcome(c, p.get());
    }

    private void dispatch(SocketConnection c, String type, JsonNode message, JsonNode requestId) throws JacksonException {
        Principal p = c.principal();
        switch (type) {
            case "ping" -> c.send(Map.of("type", "pong", "serverTime", clock.millis()));
            case "resume" -> {
                Listening.Catchup catchup = listening.since(p, message.path("version").asLong(-1));
                Map<String, Object> out = reply("catchup", requestId);
                out.put("version", catchup.version());
                out.put("snapshot", catchup.snapshot());
                out.put("books", catchup.books().stream().map(b -> ListeningDtos.BookPositionDto.of(b.bookId(), Optional.of(b),
                        devices.name(b.deviceId()))).toList());
                out.put("discarded", catchup.discarded());
                out.put("bookmarks", catchup.bookmarks().stream().map(ListeningDtos.BookmarkDto::of).toList());
                c.send(out);
            }
            case "event" -> {
                ListeningEvent event = mapper.treeToValue(without(message), ListeningDtos.EventIn.class).toEvent(null);
                // Decided now, answered once on disk: the device's next event need not wait for this one's commit.
                listening.recordAsync(p, List.of(event), false, Optional.empty(), c::handle).whenComplete((results, failure) -> {
                    if (failure != null) {
                        c.send(error(requestId, ErrorCode.INTERNAL, "The event could not be saved."));
                        return;
                    }
                    Listening.EventResult r = results.getFirst();
                    Map<String, Object> out = reply("result", requestId);
                    out.put("result", ListeningDtos.EventResultDto.of(r, devices::name));
                    if (r.verdict() == ListeningRule.Verdict.CONFLICT) {
                        out.put("conflict", true);
                    }
                    c.send(out);
                });
            }
            case "events" -> {
                ListeningDtos.BatchIn batch = mapper.treeToValue(without(message), ListeningDtos.BatchIn.class);
                if (batch.events() == null) {
                    throw new ProgressException(ProgressException.Kind.INVALID, "An events message holds an events array.");
                }
                List<Listening.EventResult> results = listening.record(p, batch.events().stream().map(e -> e.toEvent(null)).toList(),
                        true, Optional.ofNullable(batch.deviceNowMs()));
                Map<String, Object> out = reply("results", requestId);
                out.put("results", results.stream().map(r -> ListeningDtos.EventResultDto.of(r, devices::name)).toList());
                out.put("version", listening.version(p.user().id()));
                c.send(out);
            }
            case "bookmark" -> {
                String id = message.path("id").asText(null);
                Optional<Long> deviceTime = message.hasNonNull("deviceTimeMs") ? Optional.of(message.get("deviceTimeMs").asLong()) : Optional.empty();
                Bookmark saved;
                if (message.path("deleted").asBoolean(false)) {
                    saved = bookmarks.delete(p, id, deviceTime);
                } else {
                    double positionSec = message.path("positionSec").asDouble(-1);
                    if (!Double.isFinite(positionSec) || positionSec < 0) {
                        throw new ProgressException(ProgressException.Kind.INVALID, "positionSec must be zero or more.");
                    }
                    saved = bookmarks.save(p, new Bookmarks.Edit(id, message.path("bookId").asText(""), Math.round(positionSec * 1000),
                            message.path("title").asText(null), Optional.ofNullable(message.path("note").asText(null)), deviceTime));
                }
                Map<String, Object> out = reply("bookmarkSaved", requestId);
                out.put("bookmark", ListeningDtos.BookmarkDto.of(saved));
                c.send(out);
            }
            case "control" -> {
                SyncMessage.Command command = command(message.path("command").asText(""));
                Optional<Long> positionMs = Optional.empty();
                if (command == SyncMessage.Command.SEEK) {
                    double s = message.path("positionSec").asDouble(-1);
                    if (!Double.isFinite(s) || s < 0) {
                        throw new ProgressException(ProgressException.Kind.INVALID, "A seek needs positionSec, zero or more.");
                    }
                    positionMs = Optional.of(Math.round(s * 1000));
                }
                boolean sent = listening.control(p, message.path("targetDeviceId").asText(""), command, positionMs);
                if (!sent) {
                    throw new ProgressException(ProgressException.Kind.NOT_FOUND, "That device is not connected.");
                }
                c.send(reply("controlSent", requestId));
            }
            default -> c.send(error(requestId, ErrorCode.BAD_REQUEST, "Unknown message type '" + type + "'."));
        }
    }

    private static SyncMessage.Command command(String name) {
        for (SyncMessage.Command c : SyncMessage.Command.values()) {
            if (c.wireName().equals(name)) {
                return c;
            }
        }
        throw new ProgressException(ProgressException.Kind.INVALID, "command must be pause, resume or seek.");
    }

    /** The message without its envelope fields, for strict mapping to a request record. */
    private static JsonNode without(JsonNode message) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = message.deepCopy();
        copy.remove("type");
        copy.remove("requestId");
        return copy;
    }

    private static Map<String, Object> reply(String type, JsonNode requestId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        if (requestId != null && !requestId.isNull()) {
            out.put("requestId", requestId);
        }
        return out;
    }

    private static Map<String, Object> error(JsonNode requestId, ErrorCode code, String message) {
        Map<String, Object> out = reply("error", requestId);
        out.put("error", Map.of("code", code.code(), "message", message));
        return out;
    }
}
