package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With every report slot taken, a report answers 503 at once instead of queueing up memory. */
@MicronautTest(transactional = false)
@Property(name = "registry.reports.max-concurrent", value = "0")
class ReportSlotsTest {

    @Inject
    TestApi api;

    @Test
    void aReportBeyondTheSlotsAnswers503() {
        Account finance = api.account(Role.FINANCE, null);
        Response busy = api.get(finance, "/api/reports/budget-summary?format=pdf");
        assertEquals(503, busy.status(), busy.body());
        assertEquals("application/problem+json", busy.contentType());
        assertEquals("5", busy.header("Retry-After"));
        assertEquals(200, api.get(finance, "/api/reports/budget-summary?format=json").status(), "JSON needs no slot");
    }
}
