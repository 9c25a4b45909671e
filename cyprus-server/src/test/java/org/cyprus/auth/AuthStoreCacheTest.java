package org.cyprus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.cyprus.store.Database;
import org.cyprus.store.JdbcAuthStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential cache over a real SQLite store: what it remembers, for how long, and what forgets it. */
class AuthStoreCacheTest {
    @TempDir
    Path dir;

    private Database database;
    private JdbcAuthStore direct;
    private AuthStoreCache cached;
    private User ann;
    private DeviceSession phone;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("auth.db"));
        database.migrate();
        direct = new JdbcAuthStore(database);
        cached = new AuthStoreCache(direct, Duration.ofMillis(300));
        ann = cached.createUser(new AuthStore.NewUser("ann", Role.USER, true, false, new LibraryAccess.All()), "hash", 1).orElseThrow();
        phone = cached.createSession(ann.id(), "Phone", "phone", "ua", "10.0.0.1", 1);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aChangeBehindItsBackShowsAfterTheTimeToLive() throws InterruptedException {
        assertThat(cached.user(ann.id()).orElseThrow().active()).isTrue();
        assertThat(cached.session(phone.id()).orElseThrow().active()).isTrue();

        direct.updateUser(ann.id(), new AuthStore.UserChanges(Optional.empty(), Optional.of(false), Optional.empty(), Optional.empty()), 2);
        direct.revokeSession(ann.id(), phone.id(), 2);
        assertThat(cached.user(ann.id()).orElseThrow().active()).as("remembered, as another server's change would be").isTrue();

        Thread.sleep(400);
        assertThat(cached.user(ann.id()).orElseThrow().active()).isFalse();
        assertThat(cached.session(phone.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void itCountsTheChangesMadeThroughItAndNotTheReads() {
        long before = cached.changeCount().orElseThrow();
        cached.user(ann.id());
        cached.session(phone.id());
        assertThat(cached.changeCount()).hasValue(before);

        cached.revokeSession(ann.id(), phone.id(), 2);

        assertThat(cached.changeCount().orElseThrow()).isGreaterThan(before);
        assertThat(direct.changeCount()).as("a store without a memory does not count").isEmpty();
    }

    @Test
    void aChangeThroughItIsSeenAtOnce() {
        assertThat(cached.session(phone.id()).orElseThrow().active()).isTrue();
        cached.revokeSession(ann.id(), phone.id(), 2);
        assertThat(cached.session(phone.id()).orElseThrow().active()).isFalse();

        assertThat(cached.user(ann.id()).orElseThrow().active()).isTrue();
        cached.updateUser(ann.id(), new AuthStore.UserChanges(Optional.empty(), Optional.of(false), Optional.empty(), Optional.empty()), 3);
        assertThat(cached.user(ann.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void whatDoesNotExistIsNotRemembered() {
        assertThat(cached.apiKeyByHash("h")).isEmpty();
        direct.createApiKey(ann.id(), "script", "h", "cyk_abcd", 1);
        assertThat(cached.apiKeyByHash("h")).isPresent();
    }
}
