package de.foerderregister.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A weak REGISTRY_ADMIN_PASSWORD stops the start, naming the rule it breaks. */
class AdminBootstrapTest {

    @Test
    void aWeakConfiguredAdministratorPasswordStopsTheStart() {
        // a context whose start fails is never stopped, so an embedded database it started would keep
        // holding the shared data folder for the rest of the suite; the external server has no such folder
        assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") != null, "needs the external database");
        for (Map.Entry<String, String> weak : Map.of(
                "123456789012", "commonly used",
                "aaaaaaaaaaaa", "one character repeated",
                "admin-passwort-2026", "username",
                "kurz", "12 to 128").entrySet()) {
            Exception refused = assertThrows(Exception.class, () -> {
                try (ApplicationContext context = ApplicationContext.builder(Environment.TEST)
                        .properties(Map.of("registry.admin.password", weak.getKey(), "micronaut.server.port", -1))
                        .start()) {
                    context.getBean(AdminBootstrap.class);
                }
            });
            String message = StartRefusals.causes(refused);
            assertTrue(message.contains("REGISTRY_ADMIN_PASSWORD") && message.contains(weak.getValue()), message);
        }
    }
}
