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
