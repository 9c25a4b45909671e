package org.cyprus.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cyprus.store.Database;
import org.cyprus.store.JdbcAuthStore;
import org.cyprus.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, refresh-token rotation and theft detection over a real SQLite file, with a clock moved by hand. */
class SignInTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
    private final SignIn.Client client = new SignIn.Client("10.0.0.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    private Database database;
    private AuthStore store;
    private SignIn signIn;
    private Credentials credentials;
    private User ann;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("auth.db"));
        database.migrate();
        store = new JdbcAuthStore(database);
        SignedTokens tokens = new SignedTokens(store.signingSecret(Secrets.randomBytes(32)), clock);
        signIn = new SignIn(store, hasher, tokens, new LoginThrottle(clock), clock);
        credentials = new Credentials(store, tokens, clock);
        ann = new Accounts(store, hasher, clock).setUp("ann", "correct horse battery staple");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private boolean works(String accessToken) {
        return credentials.accessToken(accessToken, Principal.Method.BEARER, "x").isPresent();
    }

    @Test
    void signingInOpensANamedDeviceSession() {
        TokenPair pair = signIn.login("ANN", "correct horse battery staple", Optional.empty(), client);

        assertThat(pair.session().name()).isEqualTo("Firefox on Linux");
        assertThat(pair.session().kind()).isEqualTo("web");
        assertThat(pair.accessExpiresAtMs() - clock.millis()).isEqualTo(SignIn.ACCESS_LIFETIME.toMillis());
        assertThat(works(pair.accessToken())).isTrue();
        assertThat(store.sessions(ann.id())).hasSize(1);
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSameAnswer() {
        assertThatThrownBy(() -> signIn.login("ann", "wrong password!", Optional.empty(), client))
                .isInstanceOf(AuthException.class).hasMessage("The username or password is not right.");
        assertThatThrownBy(() -> signIn.login("nobody", "wrong password!", Optional.empty(), client))
                .isInstanceOf(AuthException.class).hasMessage("The username or password is not right.");
    }

    @Test
    void accessTokensExpire() {
        TokenPair pair = signIn.login("ann", "correct horse battery staple", Optional.of("Phone"), client);

        clock.advance(SignIn.ACCESS_LIFETIME);

        assertThat(works(pair.accessToken())).isFalse();
    }

    @Test
    void refreshingRotatesTheRefreshToken() {
        TokenPair first = signIn.login("ann", "correct horse battery staple", Optional.of("Phone"), client);
        clock.advance(Duration.ofMinutes(20));

        TokenPair second = signIn.refresh(first.refreshToken(), client);

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.session().id()).isEqualTo(first.session().id());
        assertThat(works(second.accessToken())).isTrue();
        TokenPair third = signIn.refresh(second.refreshToken(), client);
        assertThat(works(third.accessToken())).isTrue();
    }

    @Test
    void aLostResponseMayBeRetriedWithinTheGrace() {
        TokenPair first = signIn.login("ann", "correct horse battery staple", Optional.of("Phone"), client);
        signIn.refresh(first.refreshToken(), client);
        clock.advance(SignIn.REUSE_GRACE.minusSeconds(5));

        TokenPair retried = signIn.refresh(first.refreshToken(), client);

        assertThat(works(retried.accessToken())).isTrue();
    }

    @Test
    void aReplayedRefreshTokenSignsTheWholeDeviceOut() {
        TokenPair first = signIn.login("ann", "correct horse battery staple", Optional.of("Phone"), client);
        TokenPair second = signIn.refresh(first.refreshToken(), client);
        clock.advance(SignIn.REUSE_GRACE.plusSeconds(1));

        assertThatThrownBy(() -> signIn.refresh(first.refreshToken(), client))
                .isInstanceOf(AuthException.class).hasMessageContaining("used before");

        assertThat(works(second.accessToken())).as("the thief's and the owner's access both end").isFalse();
        assertThatThrownBy(() -> signIn.refresh(second.refreshToken(), client)).isInstanceOf(AuthException.class);
        assertThat(store.session(first.session().id()).orElseThrow().active()).isFalse();
    }

    @Test
    void disablingAnAccountEndsItsTokensAtOnce() {
        TokenPair pair = signIn.login("ann", "correct horse battery staple", Optional.of("Phone"), client);
        User bob = new Accounts(store, hasher, clock).create(new AuthStore.NewUser("bob", Role.ADMIN, true, true,
                new LibraryAccess.All()), "another good passphrase");
        assertThat(bob.isAdmin()).isTrue();

        new Accounts(store, hasher, clock).update(ann.id(), new AuthStore.UserChanges(Optional.empty(), Optional.of(false),
                Optional.empty(), Optional.empty()));

        assertThat(works(pair.accessToken())).isFalse();
        assertThatThrownBy(() -> signIn.refresh(pair.refreshToken(), client)).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> signIn.login("ann", "correct horse battery staple", Optional.empty(), client))
                .isInstanceOf(AuthException.class);
    }

    @Test
    void theLastAdministratorStays() {
        Accounts accounts = new Accounts(store, hasher, clock);

        assertThatThrownBy(() -> accounts.update(ann.id(), new AuthStore.UserChanges(Optional.of(Role.USER), Optional.empty(),
                Optional.empty(), Optional.empty()))).isInstanceOf(AuthException.class).hasMessageContaining("last active administrator");
        assertThatThrownBy(() -> accounts.delete(ann.id())).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> accounts.setUp("eve", "a fine long passphrase")).isInstanceOf(AuthException.class)
                .hasMessageContaining("Setup is complete");
    }

    @Test
    void changingThePasswordSignsOtherDevicesOut() {
        TokenPair phone = signIn.login("ann", "correct horse battery staple", Optional.of("Phone"), client);
        TokenPair laptop = signIn.login("ann", "correct horse battery staple", Optional.of("Laptop"), client);

        new Accounts(store, hasher, clock).changePassword(ann, "correct horse battery staple", "a brand new passphrase",
                Optional.of(laptop.session().id()));

        assertThat(works(phone.accessToken())).isFalse();
        assertThat(works(laptop.accessToken())).isTrue();
        assertThat(signIn.login("ann", "a brand new passphrase", Optional.empty(), client)).isNotNull();
    }
}
