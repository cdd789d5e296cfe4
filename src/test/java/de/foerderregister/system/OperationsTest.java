package de.foerderregister.system;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperationsTest {

    @Inject
    TestApi api;

    @Test
    void healthIsOpenAndIncludesTheDatabaseForAuthenticatedCallers() {
        Response anonymous = api.send("GET", "/health", null, null, Map.of());
        assertEquals(200, anonymous.status());
        assertEquals("UP", anonymous.json().get("status").asText());
        assertFalse(anonymous.body().contains("jdbc:"), "no connection details for anonymous callers");

        Response detailed = api.get(api.account(Role.ADMIN, null), "/health");
        JsonNode jdbc = detailed.json().get("details").get("jdbc");
        assertEquals("UP", jdbc.get("status").asText(), detailed.body());
        assertTrue(detailed.body().contains("MariaDB"), detailed.body());
    }

    @Test
    void prometheusMetricsIncludeTheConnectionPoolAndHttpRequests() {
        api.send("GET", "/health", null, null, Map.of());
        Response metrics = api.send("GET", "/prometheus", null, null, Map.of());
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("hikaricp_connections"), "pool metrics");
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(metrics.body().contains("http_server_requests_seconds"), "request metrics");
    }

    @Test
    void openApiDocumentAndSwaggerUi() {
        Response document = api.send("GET", "/swagger/foerderregister-0.1.0.yml", null, null, Map.of());
        assertEquals(200, document.status());
        assertTrue(document.body().contains("/api/applications/{id}/submit"), document.body());
        assertTrue(document.body().contains("ApplicationCommand"), "request bodies are documented");
        Response ui = api.send("GET", "/swagger-ui/index.html", null, null, Map.of());
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger"), ui.body());
    }
}
