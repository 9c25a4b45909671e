package org.cyprus.api.http;

/** The address and port the server was asked to listen on are taken by another process. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use by another program. "
                + "Stop that program or choose another port with --port (or CYPRUS_PORT).", cause);
    }
}
