package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports page offers the Haushaltsübersicht to FITKO and finance, in German and English, and shows paid and open. */
@MicronautTest(transactional = false)
class ReportPagesTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    private WebSession loggedIn(Account account) {
        WebSession session = new WebSession(server.getURL().toString());
        assertEquals(303, session.login(account.username(), TestApi.PASSWORD).status());
        return session;
    }

    @Test
    void financeDownloadsTheBudgetStatusWithThePagesFilters() {
        int year = api.unusedYears(1);
        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page german = finance.get("/ui/reports?lang=de&year=" + year + "&fundingSource=STIMULUS_PACKAGE");
        assertEquals(200, german.status(), german.body());
        assertTrue(german.body().contains("<span>Haushaltsübersicht</span>"), german.body());
        assertTrue(german.body().contains("id=\"status-pdf\" href=\"/ui/reports/budget-status.pdf?year=" + year
                + "&amp;fundingSource=STIMULUS_PACKAGE\""), german.body());
        assertTrue(german.body().contains("<dt>ausgezahlt</dt>") && german.body().contains("<dt>offen</dt>"), german.body());
        Page english = finance.get("/ui/reports?lang=en");
        assertTrue(english.body().contains("<span>Budget status (Haushaltsübersicht)</span>"), english.body());
        assertTrue(english.body().contains("<dt>paid</dt>") && english.body().contains("<dt>open</dt>"), english.body());

        for (String format : new String[] {"pdf", "xlsx", "csv"}) {
            Page download = finance.get("/ui/reports/budget-status." + format + "?year=" + year + "&fundingSource=STIMULUS_PACKAGE");
            assertEquals(200, download.status(), format);
            assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow()
                    .contains("haushaltsuebersicht." + format), format);
        }
        assertTrue(finance.get("/ui/reports/budget-status.csv").body()
                .startsWith("\uFEFFFinanzierung;Jahr;Mittelrahmen;Gebunden;Ausgezahlt;Verfügbar;Offen;Auslastung (%)"));
    }

    @Test
    void aStateIsNotOfferedTheFederalBudgetFigures() {
        WebSession state = loggedIn(api.account(Role.STATE, StateCode.RP));
        Page page = state.get("/ui/reports?lang=de");
        assertEquals(200, page.status(), page.body());
        assertFalse(page.body().contains("status-pdf") || page.body().contains("Haushaltsübersicht"), page.body());
        assertEquals(403, state.get("/ui/reports/budget-status.pdf").status());
        assertTrue(loggedIn(api.account(Role.FITKO, null)).get("/ui/reports?lang=de").body().contains("id=\"status-csv\""));
    }
}
