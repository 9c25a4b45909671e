package org.cyprus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy();

    private static Principal principal(Role role, boolean active, LibraryAccess libraries, Optional<String> scope) {
        User user = new User(1, "u", role, active, false, libraries, 0);
        return new Principal(user, Optional.of("s"), scope.isPresent() ? Principal.Method.MEDIA_CAPABILITY : Principal.Method.BEARER, scope);
    }

    @Test
    void libraryAccessDecidesReading() {
        Principal onlyA = principal(Role.USER, true, new LibraryAccess.Only(Set.of(1L)), Optional.empty());

        assertThat(policy.canReadLibrary(onlyA, 1)).isTrue();
        assertThat(policy.canReadLibrary(onlyA, 2)).isFalse();
        assertThat(policy.canReadBook(onlyA, 2, "b")).isFalse();
        assertThat(policy.readableLibraries(onlyA, List.of(1L, 2L, 3L))).containsExactly(1L);
        assertThat(policy.canAdminister(onlyA)).isFalse();
    }

    @Test
    void aDisabledAccountMayDoNothing() {
        Principal disabledAdmin = principal(Role.ADMIN, false, new LibraryAccess.All(), Optional.empty());

        assertThat(policy.canReadLibrary(disabledAdmin, 1)).isFalse();
        assertThat(policy.canAdminister(disabledAdmin)).isFalse();
        assertThat(policy.canDownload(disabledAdmin)).isFalse();
    }

    @Test
    void aCapabilityOpensOneBookOnly() {
        Principal capability = principal(Role.ADMIN, true, new LibraryAccess.All(), Optional.of("book-1"));

        assertThat(policy.canReadBook(capability, 1, "book-1")).isTrue();
        assertThat(policy.canReadBook(capability, 1, "book-2")).isFalse();
        assertThat(policy.canReadLibrary(capability, 1)).isFalse();
        assertThat(policy.canAdminister(capability)).isFalse();
        assertThat(policy.canKeepProgress(capability)).isFalse();
        Principal noLongerAllowed = principal(Role.USER, true, new LibraryAccess.Only(Set.of(2L)), Optional.of("book-1"));
        assertThat(policy.canReadBook(noLongerAllowed, 1, "book-1")).as("library access is checked again").isFalse();
    }

    @Test
    void guestsListenButDoNotManageCredentials() {
        Principal guest = principal(Role.GUEST, true, new LibraryAccess.All(), Optional.empty());

        assertThat(policy.canReadLibrary(guest, 1)).isTrue();
        assertThat(policy.canManageOwnCredentials(guest)).isFalse();
        assertThat(policy.canDownload(guest)).isFalse();
    }
}
