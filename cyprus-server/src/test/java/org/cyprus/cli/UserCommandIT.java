package org.cyprus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import java.nio.file.Path;
import java.time.Duration;
import org.cyprus.testing.CyprusProcess;
import org.cyprus.testing.RepositoryRoot;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cyprus user add}, {@code user list} and {@code user password} on the server's data, from the command line. */
class UserCommandIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PASSWORD = "a sturdy test passphrase";

    @TempDir
    Path work;

    private int run(String input, String... args) throws InterruptedException {
        try (CyprusProcess process = CyprusProcess.startWithInput(work, input, args)) {
            int status = process.waitFor(TIMEOUT);
            output = process.output();
            return status;
        }
    }

    String output;

    @Test
    void theFirstAdministratorComesFromTheCommandLineAndClosesSetup() throws Exception {
        String data = "--data-dir=" + work.resolve("data");
        assertThat(run(PASSWORD + "\n", "user", "add", "--admin", data, "--password-stdin", "root")).as(output).isZero();
        assertThat(output).contains("Created admin 'root' (id 1)");
        assertThat(run("", "library", "add", data, "Kids", RepositoryRoot.sampleLibrary().toString())).as(output).isZero();
        assertThat(run(PASSWORD + "\n", "user", "add", data, "--password-stdin", "--role", "guest", "--libraries", "Kids", "kid")).as(output).isZero();
        assertThat(run("", "user", "list", data)).isZero();
        assertThat(output).contains("1\troot\tadmin").contains("2\tkid\tguest");

        try (TestServer server = TestServer.start(TestServer.config(work.resolve("data"), RepositoryRoot.sampleLibrary(), false,
                java.util.Map.of()))) {
            assertThat(json(server.get("/api/v1/server")).get("setupRequired").asBoolean()).isFalse();
            assertThat(server.anonymous(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/setup"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"x\",\"password\":\"" + PASSWORD + "\"}")))
                    .statusCode()).isEqualTo(409);
            String kid = server.login("kid", PASSWORD);
            assertThat(json(server.as(kid, java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/me")))).at("/libraries/0").asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void aForgottenPasswordIsReplacedAndWeakOnesAreRefused() throws Exception {
        String data = "--data-dir=" + work.resolve("data");
        assertThat(run("password\n", "user", "add", "--admin", data, "--password-stdin", "root")).isEqualTo(2);
        assertThat(output).containsIgnoringCase("password").doesNotContain("\tat ");
        assertThat(run(PASSWORD + "\n", "user", "add", "--admin", data, "--password-stdin", "root")).isZero();
        assertThat(run("another sturdy passphrase\n", "user", "password", data, "--password-stdin", "ROOT")).as(output).isZero();
        assertThat(output).contains("Set a new password for 'root'");
        assertThat(run(PASSWORD + "\n", "user", "password", data, "--password-stdin", "nobody")).isEqualTo(2);
        assertThat(output).contains("no account named 'nobody'");
        assertThat(run("", "user", "add", data, "root")).as("no terminal").isEqualTo(2);
        assertThat(output).contains("--password-stdin");

        try (TestServer server = TestServer.start(TestServer.config(work.resolve("data"), RepositoryRoot.sampleLibrary(), false,
                java.util.Map.of()))) {
            assertThat(server.login("root", "another sturdy passphrase")).isNotBlank();
        }
    }
}
