package org.cyprus.progress;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.DeviceSession;
import org.cyprus.auth.Principal;

/**
 * Devices are the signed-in device sessions of the accounts: this gives each caller its device id and every device
 * its name ("Pixel 8"). Callers with an API key, which has no session, share one device per account.
 */
public final class DeviceDirectory {
    private static final String API_KEY_DEVICE = "api-key-";

    private final AuthStore store;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public DeviceDirectory(AuthStore store) {
        this.store = store;
    }

    /** The device the principal speaks for. */
    public String deviceOf(Principal principal) {
        return principal.sessionId().orElse(API_KEY_DEVICE + principal.user().id());
    }

    public String name(String deviceId) {
        if (deviceId.startsWith(API_KEY_DEVICE)) {
            return "API key";
        }
        return names.computeIfAbsent(deviceId, id -> store.session(id).map(DeviceSession::name).orElse("Unknown device"));
    }

    /** The kind of the device ({@code web}, {@code mobile}, …). */
    public String kind(String deviceId) {
        return deviceId.startsWith(API_KEY_DEVICE) ? "other"
                : store.session(deviceId).map(DeviceSession::kind).orElse("other");
    }

    /**
     * Whether the principal may still speak: its account active and, for a device session, the session not signed
     * out (as the store says now, or within its cache's second).
     */
    public boolean stillSignedIn(Principal principal) {
        boolean account = store.user(principal.user().id()).filter(org.cyprus.auth.User::active).isPresent();
        return account && principal.sessionId().map(id -> store.session(id).filter(DeviceSession::active).isPresent()).orElse(true);
    }

    /** How many account changes this server has made, where the store counts them (see {@link AuthStore#changeCount}). */
    public java.util.OptionalLong accountChanges() {
        return store.changeCount();
    }

    /** The devices of the account that are still signed in, by id. */
    public Optional<DeviceSession> session(String deviceId) {
        return store.session(deviceId);
    }
}
