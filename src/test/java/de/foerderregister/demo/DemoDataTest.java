package de.foerderregister.demo;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.db.EmbeddedMariaDb;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DemoDataTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedMariaDb embedded;

    @Value("${registry.home}")
    Path home;

    @Test
    void theEmbeddedRegistryHoldsTheCompleteProjectsOfTheMinutesAndAnExternalOneNone() {
        Account fitko = api.account(Role.FITKO, null);
        JsonNode heilberufsausweis = api.get(fitko, "/api/applications?q=Elektronischer%20Heilberufsausweis").json();
        JsonNode schulzeugnis = api.get(fitko, "/api/applications?q=Digitales%20Schulzeugnis").json();
        JsonNode illegible = api.get(fitko, "/api/applications?q=Digitale%20Wirtschaftsservices").json();
        if (!embedded.isRunning()) {
            assertEquals(0, heilberufsausweis.get("totalSize").asInt(), "no demo data on an external database");
            return;
        }
        assertEquals(1, heilberufsausweis.get("totalSize").asInt());
        JsonNode first = heilberufsausweis.get("content").get(0);
        assertEquals("NW", first.get("ownerState").asText(), "NRW in the minutes is NW");
        assertEquals("REFERENCE_IMPLEMENTATION", first.get("type").asText());
        assertEquals("2500000.00", first.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("2020-10-01", first.get("startDate").asText());
        assertEquals("2021-12-31", first.get("endDate").asText());

        assertEquals(1, schulzeugnis.get("totalSize").asInt());
        JsonNode fourth = schulzeugnis.get("content").get(0);
        assertEquals("ST", fourth.get("ownerState").asText());
        assertEquals("1011500.00", fourth.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("Umfang des Projekts wird um Mehrwertsteuer erhöht", fourth.get("notes").asText());

        assertEquals(0, illegible.get("totalSize").asInt(), "rows illegible in the minutes are not invented");
    }

    @Test
    void demoLoginsWorkAndAreScopedToTheirState() throws Exception {
        if (!embedded.isRunning()) {
            return;
        }
        List<String> logins = Files.readAllLines(home.resolve("demo-logins.txt"));
        assertEquals(4, logins.size(), logins.toString());
        String password = logins.get(0).split(" / ")[1].split(" ")[0];
        String token = api.login("land.st", password).json().get("access_token").asText();
        JsonNode seen = api.send("GET", "/api/applications?size=100", token, null, java.util.Map.of()).json();
        assertTrue(seen.get("totalSize").asInt() >= 1);
        seen.get("content").forEach(application -> assertEquals("ST", application.get("ownerState").asText()));
    }
}
