package org.cyprus.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Cyprus, as stamped by the build. */
public record Version(String value) {
    private static final String RESOURCE = "/cyprus-build.properties";

    /** Reads the version the build wrote into the jar. */
    public static Version current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild Cyprus");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new Version(properties.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
