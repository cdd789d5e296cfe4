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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@MicronautTest(transactional = false)
class DemoDataTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedMariaDb embedded;

    @Value("${registry.home}")
    Path home;

    @Test
    void anExternalDatabaseGetsNoDemoData() {
        assumeFalse(embedded.isRunning(), "demo data belongs to the embedded database");
        assertEquals(0, demoRows(api.account(Role.FITKO, null), "Elektronischer%20Heilberufsausweis").size());
    }

    @Test
    void theEmbeddedRegistryHoldsTheCompleteProjectsOfTheMinutes() {
        assumeTrue(embedded.isRunning(), "demo data belongs to the embedded database");
        Account fitko = api.account(Role.FITKO, null);
        List<JsonNode> heilberufsausweis = demoRows(fitko, "Elektronischer%20Heilberufsausweis");
        List<JsonNode> schulzeugnis = demoRows(fitko, "Digitales%20Schulzeugnis");
        List<JsonNode> illegible = demoRows(fitko, "Digitale%20Wirtschaftsservices");
        assertEquals(1, heilberufsausweis.size());
        JsonNode first = heilberufsausweis.get(0);
        assertEquals("NW", first.get("ownerState").asText(), "NRW in the minutes is NW");
        assertEquals("REFERENCE_IMPLEMENTATION", first.get("type").asText());
        assertEquals("2500000.00", first.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("2500000.00", first.get("approvedAmount").decimalValue().toPlainString());
        assertEquals("APPROVED", first.get("status").asText());
        assertEquals("2020-10-01", first.get("startDate").asText());
        assertEquals("2021-12-31", first.get("endDate").asText());

        assertEquals(1, schulzeugnis.size());
        JsonNode fourth = schulzeugnis.get(0);
        assertEquals("ST", fourth.get("ownerState").asText());
        assertEquals("1011500.00", fourth.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("Umfang des Projekts wird um Mehrwertsteuer erhöht", fourth.get("notes").asText());

        assertEquals(0, illegible.size(), "rows illegible in the minutes are not invented");
    }

    /** The demo's own rows, filed by its state accounts (imports in other tests carry the same titles). */
    private List<JsonNode> demoRows(Account reader, String title) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        api.get(reader, "/api/applications?size=100&q=" + title).json().get("content").forEach(row -> {
            if (row.get("createdBy").asText().matches("land\\.(nw|st)")) {
                rows.add(row);
            }
        });
        return rows;
    }

    @Test
    void demoLoginsWorkAndAreScopedToTheirState() throws Exception {
        assumeTrue(embedded.isRunning(), "demo accounts belong to the embedded database");
        Path file = home.resolve("demo-logins.txt");
        List<String> logins = Files.readAllLines(file);
        assertEquals(4, logins.size(), logins.toString());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        Map<String, String> passwords = logins.stream().map(line -> line.split(" / |  ", 3))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        assertEquals(4, Set.copyOf(passwords.values()).size(), "each demo account its own password");
        // issue 12, finding 5: the demo state user's password opens no other account
        assertNotEquals(200, api.login("fitko", passwords.get("land.st")).status());
        assertNotEquals(200, api.login("finanz", passwords.get("land.st")).status());
        String token = api.login("land.st", passwords.get("land.st")).json().get("access_token").asText();
        JsonNode seen = api.send("GET", "/api/applications?size=100", token, null, java.util.Map.of()).json();
        assertTrue(seen.get("totalSize").asInt() >= 1);
        seen.get("content").forEach(application -> assertEquals("ST", application.get("ownerState").asText()));
    }
}
