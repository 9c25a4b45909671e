package org.cyprus.api.ws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cyprus.api.http.ListeningDtos;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.Principal;
import org.cyprus.progress.DeviceDirectory;
import org.cyprus.progress.SyncMessage;

/** What the server pushes, as JSON objects with a {@code type}; library news only to listeners who may read that library. */
final class SocketMessages {
    private final AccessPolicy policy;
    private final DeviceDirectory devices;

    SocketMessages(AccessPolicy policy, DeviceDirectory devices) {
        this.policy = policy;
        this.devices = devices;
    }

    /** The last message encoded for everyone alike, and its text: a change fans out to several devices in a row. */
    private record Encoded(SyncMessage message, String text) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Encoded> lastEncoded = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The message as sent to {@code principal}'s device, or empty when that listener is not to see it. A message that
     * reads the same for everyone (all but library news) is encoded once for all the devices it is handed to in a row.
     */
    Optional<String> text(SyncMessage message, Principal principal, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        boolean alike = !(message instanceof SyncMessage.LibraryNews);
        Encoded last = lastEncoded.get();
        if (alike && last != null && last.message() == message) {
            return Optional.of(last.text());
        }
        Optional<Map<String, Object>> json = toJson(message, principal);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = mapper.writeValueAsString(json.get());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A WebSocket message cannot be encoded", e);
        }
        if (alike) {
            lastEncoded.set(new Encoded(message, text));
        }
        return Optional.of(text);
    }

    Optional<Map<String, Object>> toJson(SyncMessage message, Principal principal) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (message) {
            case SyncMessage.PositionChanged m -> {
                out.put("type", "position");
                out.put("book", ListeningDtos.BookPositionDto.of(m.book().bookId(), Optional.of(m.book()), m.deviceName()));
            }
            case SyncMessage.DeviceLeft m -> {
                out.put("type", "presence");
                out.put("deviceId", m.deviceId());
                out.put("deviceName", m.deviceName());
                out.put("state", "offline");
            }
            case SyncMessage.PositionDiscarded m -> {
                out.put("type", "discarded");
                out.put("bookId", m.bookId());
                out.put("version", m.version());
            }
            case SyncMessage.Presence m -> {
                out.put("type", "presence");
                out.put("deviceId", m.deviceId());
                out.put("deviceName", m.deviceName());
                out.put("bookId", m.bookId());
                out.put("state", m.state().wireName());
                out.put("positionSec", ListeningDtos.seconds(m.positionMs()));
                out.put("at", m.atMs());
            }
            case SyncMessage.BookmarkChanged m -> {
                out.put("type", "bookmark");
                out.put("bookmark", ListeningDtos.BookmarkDto.of(m.bookmark()));
            }
            case SyncMessage.RemoteControl m -> {
                out.put("type", "control");
                out.put("fromDeviceId", m.fromDeviceId());
                out.put("fromDeviceName", m.fromDeviceName());
                out.put("command", m.command().wireName());
                m.positionMs().ifPresent(p -> out.put("positionSec", ListeningDtos.seconds(p)));
            }
            case SyncMessage.LibraryNews m -> {
                if (principal == null || !policy.canReadLibrary(principal, m.libraryId())) {
                    return Optional.empty();
                }
                out.put("type", "library");
                out.put("libraryId", m.libraryId());
                out.put("kind", m.kind());
                m.bookId().ifPresent(b -> out.put("bookId", b));
                m.done().ifPresent(d -> out.put("done", d));
                m.total().ifPresent(t -> out.put("total", t));
            }
        }
        return Optional.of(out);
    }

    String deviceName(String deviceId) {
        return devices.name(deviceId);
    }
}
