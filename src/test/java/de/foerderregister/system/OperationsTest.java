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

    /** registry.metrics.scrape-token of application-test.yml */
    static final String SCRAPE_TOKEN = "test-scrape-token-not-for-production";

    @Inject
    TestApi api;

    @Test
    void prometheusAnswersOnlyAdminOrTheScrapeToken() {
        assertEquals(401, api.send("GET", "/prometheus", null, null, Map.of()).status(), "anonymous");
        assertEquals(401, api.send("GET", "/prometheus", SCRAPE_TOKEN + "x", null, Map.of()).status(), "a wrong scrape token");
        assertEquals(401, api.send("GET", "/prometheus", SCRAPE_TOKEN.substring(1), null, Map.of()).status(), "a shorter one");
        assertEquals(401, api.send("GET", "/prometheus", null, null,
                Map.of("Authorization", "Basic " + SCRAPE_TOKEN)).status(), "not as a bearer token");
        for (Role role : new Role[]{Role.FITKO, Role.FINANCE}) {
            Response refused = api.get(api.account(role, null), "/prometheus");
            assertEquals(403, refused.status(), role + ": " + refused.body());
            assertFalse(refused.body().contains("# TYPE"), refused.body());
        }
        Response admin = api.get(api.account(Role.ADMIN, null), "/prometheus");
        assertEquals(200, admin.status(), admin.body());
        assertTrue(admin.body().contains("# TYPE"), admin.body());
        Response scraper = api.send("GET", "/prometheus", SCRAPE_TOKEN, null, Map.of());
        assertEquals(200, scraper.status(), scraper.body());
        assertTrue(scraper.body().contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void healthIsOpenAndIncludesTheDatabaseForAdminOnly() {
        Response anonymous = api.send("GET", "/health", null, null, Map.of());
        assertEquals(200, anonymous.status());
        assertEquals("UP", anonymous.json().get("status").asText());
        assertFalse(anonymous.body().contains("jdbc:"), "no connection details for anonymous callers");
        Response fitko = api.get(api.account(Role.FITKO, null), "/health");
        assertEquals(200, fitko.status());
        assertFalse(fitko.body().contains("jdbc:") || fitko.body().contains("3306"), "nor for signed-in users: " + fitko.body());

        Response detailed = api.get(api.account(Role.ADMIN, null), "/health");
        JsonNode jdbc = detailed.json().get("details").get("jdbc");
        assertEquals("UP", jdbc.get("status").asText(), detailed.body());
        assertTrue(detailed.body().contains("MariaDB"), detailed.body());
    }

    @Test
    void prometheusMetricsIncludeTheConnectionPoolAndHttpRequests() {
        api.send("GET", "/health", null, null, Map.of());
        Response metrics = api.send("GET", "/prometheus", SCRAPE_TOKEN, null, Map.of());
        assertEquals(200, metrics.status(), metrics.body());
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
