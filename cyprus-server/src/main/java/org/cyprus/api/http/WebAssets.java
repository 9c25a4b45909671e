package org.cyprus.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built web app's files, read from the class path under {@code web/} (where the build puts them) and kept in
 * memory with their entity tags and media types. Names are single path segments or {@code assets/} plus one; anything
 * else is not looked up at all.
 */
final class WebAssets {
    private static final Pattern NAME = Pattern.compile("(assets/)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** One file: its bytes, media type and strong entity tag (RFC 9110 §8.8.3). */
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final String root;
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    WebAssets(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
    }

    /** The file called {@code name} (e.g. {@code index.html}, {@code assets/index-3f2a.js}), if the build made it. */
    Optional<Asset> find(String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(name, this::read);
    }

    private Optional<Asset> read(String name) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return Optional.of(new Asset(bytes, TYPES.getOrDefault(extension, "application/octet-stream"), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
