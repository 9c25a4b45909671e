package org.cyprus.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every server setting, with the names it goes by in each source.
 *
 * <p>A setting is read from (lowest to highest precedence) its default, the config file ({@link #key()}),
 * the environment ({@link #envVar()}) and the command line ({@link #flag()}). This enum is the single
 * source of the README's configuration table; a test keeps the two equal.
 */
public enum Setting {
    HOST("host", "ADDRESS", "127.0.0.1", "Address to listen on; `0.0.0.0` for every interface."),
    PORT("port", "PORT", "8080", "TCP port to listen on; `0` picks a free port."),
    DATA_DIR("data-dir", "DIR", "./data", "Folder for the database and caches; created if missing."),
    LIBRARY("library", "DIR", "the bundled sample library", "Audiobook folder registered as the first library when none exists yet."),
    DATABASE_URL("database-url", "URL", "SQLite file `cyprus.db` in the data folder", "JDBC URL of the database (`jdbc:sqlite:FILE`)."),
    SERVER_NAME("server-name", "NAME", "Cyprus", "Name this server shows to its users."),
    WATCH("watch", "BOOL", "true", "Rescan a book folder as soon as its files change (file-system events; not on network file systems)."),
    RESCAN_INTERVAL_MINUTES("rescan-interval-minutes", "MINUTES", "60", "How often every library is rescanned for changes; `0` never."),
    TLS_CERT("tls-cert", "FILE", "none (plain HTTP)", "PEM certificate chain for built-in HTTPS (with `tls-key`)."),
    TLS_KEY("tls-key", "FILE", "none", "PEM private key (PKCS #8, or PKCS #1 RSA) for built-in HTTPS."),
    TRUSTED_PROXIES("trusted-proxies", "ADDRESSES", "none", "Reverse proxies (addresses or CIDR ranges, comma-separated) whose `X-Forwarded-*` headers are believed."),
    LOG_LEVEL("log-level", "LEVEL", "info", "Level of the application log: `error`, `warn`, `info`, `debug` or `trace`."),
    ACCESS_LOG("access-log", "BOOL", "true", "Write one line per HTTP request to the log."),
    SHUTDOWN_GRACE_SECONDS("shutdown-grace-seconds", "SECONDS", "10", "How long a stopping server lets requests in flight finish.");

    private final String key;
    private final String valueLabel;
    private final String defaultDescription;
    private final String description;

    Setting(String key, String valueLabel, String defaultDescription, String description) {
        this.key = key;
        this.valueLabel = valueLabel;
        this.defaultDescription = defaultDescription;
        this.description = description;
    }

    /** The name in the config file, e.g. {@code data-dir}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code CYPRUS_DATA_DIR}. */
    public String envVar() {
        return "CYPRUS_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The command-line flag, e.g. {@code --data-dir}. */
    public String flag() {
        return "--" + key;
    }

    /** What kind of value the setting takes, as shown in help: {@code DIR}, {@code PORT}, ... */
    public String valueLabel() {
        return valueLabel;
    }

    /** The default, as a person would describe it. */
    public String defaultDescription() {
        return defaultDescription;
    }

    /** What the setting does. */
    public String description() {
        return description;
    }

    /** The setting whose config-file key is {@code key}, if any. */
    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
