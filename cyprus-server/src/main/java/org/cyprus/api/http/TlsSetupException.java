package org.cyprus.api.http;

/** The certificate or key configured for HTTPS cannot be used; the message says which and why. */
public final class TlsSetupException extends RuntimeException {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
