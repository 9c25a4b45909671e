package org.cyprus.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.cyprus.config.ServerConfig;
import org.slf4j.LoggerFactory;

/** Applies the configured log level to the application's loggers (Jetty and libraries stay quieter). */
public final class LogLevels {
    private LogLevels() {
    }

    public static void apply(ServerConfig.LogLevel level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level.name()));
        }
    }
}
