package org.cyprus.system;

import java.util.Objects;

/** Answers the public questions about this server: is it up, what is it, does it need setting up. */
public final class ServerStatus {
    private final String name;
    private final Version version;
    private final SetupState setupState;
    private final Readiness readiness;

    public ServerStatus(String name, Version version, SetupState setupState, Readiness readiness) {
        this.name = Objects.requireNonNull(name);
        this.version = Objects.requireNonNull(version);
        this.setupState = Objects.requireNonNull(setupState);
        this.readiness = Objects.requireNonNull(readiness);
    }

    public ServerInfo info() {
        return new ServerInfo(name, version.value(), setupState.setupRequired());
    }

    public boolean ready() {
        return readiness.ready();
    }
}
