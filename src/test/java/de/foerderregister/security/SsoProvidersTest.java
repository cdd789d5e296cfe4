package de.foerderregister.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A state ministry's provider that could grant a federal role stops the start; limited to its state it starts. */
class SsoProvidersTest {

    @Test
    void aProviderOfOneStateCannotGrantFitkoOrFinance() {
        // a context whose start fails is never stopped, so an embedded database it started would keep
        // holding the shared data folder for the rest of the suite; the external server has no such folder
        assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") != null, "needs the external database");
        for (String federal : new String[] {"fitko-values", "finance-values"}) {
            Map<String, Object> settings = ministry();
            settings.put("registry.sso.providers.nw." + federal, "foerderregister-bund");
            Exception refused = assertThrows(Exception.class, () -> providers(settings));
            String message = StartRefusals.causes(refused);
            assertTrue(message.contains("registry.sso.providers.nw may vouch for the states [NW] only"), message);
        }
    }

    @Test
    void aProviderOfOneStateWithStateValuesOnlyStarts() {
        assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") != null, "needs the external database");
        assertEquals(1, providers(ministry()));
    }

    /** The README's ministry example: STATE users of NRW only. */
    private static Map<String, Object> ministry() {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.oauth2.clients.nw.client-id", "foerderregister",
                "micronaut.security.oauth2.clients.nw.client-secret", "secret",
                "micronaut.security.oauth2.clients.nw.openid.issuer", "http://127.0.0.1:9/realms/verwaltung",
                "registry.sso.providers.nw.audience", "foerderregister-api",
                "registry.sso.providers.nw.state-values", "foerderregister",
                "registry.sso.providers.nw.states", "NW"));
        return settings;
    }

    private static int providers(Map<String, Object> settings) {
        try (ApplicationContext context = ApplicationContext.builder(Environment.TEST).properties(settings).start()) {
            return context.getBean(SsoProviders.class).all().size();
        }
    }
}
