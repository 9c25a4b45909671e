package org.cyprus.config;

/** A setting that cannot be used, with a message that names the setting, its source and the fix. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
