package org.cyprus.auth;

import java.util.Optional;

/**
 * A key for scripts and integrations, made by a user for themself. Only its hash is stored; {@code prefix} (its
 * first characters) lets its owner tell keys apart.
 */
public record ApiKey(long id, long userId, String name, String prefix, long createdAtMs, Optional<Long> lastUsedAtMs,
                     Optional<Long> revokedAtMs) {
}
