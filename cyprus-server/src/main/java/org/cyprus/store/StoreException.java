package org.cyprus.store;

/** A database operation that failed; the cause carries the driver's detail. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
