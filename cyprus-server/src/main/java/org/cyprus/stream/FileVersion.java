package org.cyprus.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a file's content as it is on disk now: its path, size, modification time at the file system's full
 * precision, and the scan's fingerprint of its audio. Validators and mappings are keyed on all of it, so a file that
 * is replaced, edited or truncated is never served from what was known of its former self.
 */
public record FileVersion(Path path, long sizeBytes, Instant modified, String fingerprint) {
    public FileVersion {
        Objects.requireNonNull(path);
        Objects.requireNonNull(modified);
        Objects.requireNonNull(fingerprint);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    /**
     * The regular file at {@code path} as it is now, without following a symbolic link; nothing when there is no
     * file there, or what is there is a link, a folder or another kind of file.
     *
     * @throws IOException when the file system cannot say (permissions, I/O errors)
     */
    public static Optional<FileVersion> current(Path path, String fingerprint) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new FileVersion(path, attributes.size(), attributes.lastModifiedTime().toInstant(), fingerprint));
    }

    /**
     * A strong entity tag for the file {@code fileId} in this version (RFC 9110 §8.8.3): a digest of the id, the size,
     * the modification time to the nanosecond and the fingerprint, so any change on disk changes it.
     */
    public EntityTag entityTag(String fileId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        sha256.update(fileId.getBytes(StandardCharsets.UTF_8));
        sha256.update(ByteBuffer.allocate(3 * Long.BYTES).putLong(sizeBytes).putLong(modified.getEpochSecond())
                .putLong(modified.getNano()).flip());
        sha256.update(fingerprint.getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha256.digest();
        return EntityTag.strong(Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18)));
    }
}
