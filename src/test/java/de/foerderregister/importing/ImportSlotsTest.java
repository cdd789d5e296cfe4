package de.foerderregister.importing;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static de.foerderregister.importing.ImportApiTest.HEADER;
import static de.foerderregister.importing.ImportApiTest.PATH;
import static de.foerderregister.importing.ImportApiTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The instance's import slots: when all are taken, another user's import is refused before its file is received. */
@MicronautTest(transactional = false)
@Property(name = "registry.imports.max-concurrent", value = "1")
class ImportSlotsTest {

    @Inject
    TestApi api;

    @Test
    void anImportBeyondTheInstancesSlotsAnswers503UntilTheRunningJobEnds() throws InterruptedException {
        Account first = api.account(Role.FITKO, null);
        Account second = api.account(Role.FITKO, null);
        String marker = api.unique("Plaetze");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10_000; i++) {
            file.append(row("Plaetze " + marker + " " + i, "SL", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append('\n');
        }
        String small = HEADER + "\n" + row("Anderer " + marker, "SL", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";

        Response job = api.send("POST", PATH, first.token(), file.toString(),
                Map.of("Content-Type", "text/csv", "Prefer", "respond-async"));
        assertEquals(202, job.status(), job.body());
        Response refused = api.send("POST", PATH, second.token(), small, Map.of("Content-Type", "text/csv"));

        assertEquals(503, refused.status(), refused.body());
        assertEquals("import.allSlotsTaken", refused.json().get("errors").get(0).get("code").asText(), refused.body());
        assertEquals("10", refused.header("Retry-After"));
        long deadline = System.nanoTime() + 300_000_000_000L;
        JsonNode state = api.get(first, job.header("Location")).json();
        while ("RUNNING".equals(state.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = api.get(first, job.header("Location")).json();
        }
        assertEquals("DONE", state.get("status").asText(), state.toString());
        Response afterTheJob = api.send("POST", PATH, second.token(), small, Map.of("Content-Type", "text/csv"));
        assertEquals(200, afterTheJob.status(), afterTheJob.body());
    }
}
