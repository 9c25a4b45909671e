package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyprus.testing.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import org.cyprus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document served at /api/v1/openapi.json describes every route of the route table, and nothing more. */
class OpenApiIT {
    @TempDir
    Path work;

    @Test
    void everyRouteIsDocumentedWithItsMethod() {
        try (TestServer server = TestServer.start(work.resolve("data")).signInAsAdmin()) {
            JsonNode paths = json(server.get("/api/v1/openapi.json")).get("paths");
            int documented = 0;
            for (Route route : server.application().routes()) {
                JsonNode path = paths.get(route.path());
                assertThat(path).as("%s is documented", route.path()).isNotNull();
                assertThat(path.has(route.method().name().toLowerCase(Locale.ROOT)))
                        .as("%s %s is documented", route.method(), route.path()).isTrue();
                documented++;
            }
            int operations = 0;
            for (JsonNode path : paths) {
                for (String method : new String[] {"get", "post", "put", "patch", "delete"}) {
                    operations += path.has(method) ? 1 : 0;
                }
            }
            assertThat(operations).as("no documented operation without a route").isEqualTo(documented);
        }
    }
}
