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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status report form on an application's page, the lights in the list and the portfolio page, over plain HTTP. */
@MicronautTest(transactional = false)
class StatusPagesTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    WebSession loggedIn(Account account) {
        WebSession session = new WebSession(server.getURL().toString());
        Page start = session.login(account.username(), TestApi.PASSWORD);
        assertEquals(303, start.status(), start.body());
        return session;
    }

    private long approved(Account fitko, String title) {
        Map<String, Object> body = api.application(StateCode.RP);
        body.put("title", title);
        return api.approved(fitko, body, "400000.00");
    }

    @Test
    void theStateReportsThroughTheFormOnTheApplicationsPage() {
        Account fitko = api.account(Role.FITKO, null);
        String title = api.unique("Statusformular");
        long id = approved(fitko, title);
        WebSession state = loggedIn(api.applicant(StateCode.RP));
        String page = "/ui/applications/" + id;

        Page shown = state.get(page);
        assertEquals(200, shown.status(), shown.body());
        assertTrue(shown.body().contains("Noch kein Statusbericht."), shown.body());
        assertTrue(shown.body().contains("<label for=\"statusSchedule\">Zeitplan</label>"), shown.body());

        Page refused = state.post(page + "/status-reports", Map.of("statusSchedule", "RED", "statusBudget", "GREEN", "statusQuality", ""));
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("href=\"#statusQuality\""), refused.body());
        assertTrue(refused.body().contains("href=\"#statusComment\""), refused.body());
        assertTrue(refused.body().contains("ist anzugeben, sobald eine Ampel gelb oder rot ist"), refused.body());
        assertTrue(refused.body().contains("aria-describedby=\"statusComment-error\""), refused.body());
        assertTrue(refused.body().contains("<option value=\"RED\" selected=\"selected\">Rot</option>"), "the choice stays");

        Page saved = state.post(page + "/status-reports", Map.of("statusSchedule", "RED", "statusBudget", "GREEN", "statusQuality", "YELLOW",
                "statusComment", "Rollout verschoben: Schnittstelle des Landesportals fehlt"));
        assertEquals(303, saved.status(), saved.body());
        assertEquals(page + "?done=reported#status-reports", saved.location());
        Page after = state.get(page + "?done=reported");
        assertTrue(after.body().contains("Der Statusbericht wurde gespeichert."), after.body());
        assertTrue(after.body().contains("<dd id=\"light-overall\"><span class=\"light light-RED\">Rot</span></dd>"), after.body());
        assertTrue(after.body().contains("Rollout verschoben: Schnittstelle des Landesportals fehlt"), after.body());

        String query = "/ui/applications?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        Page list = state.get(query + "&light=RED");
        assertTrue(list.body().contains(title), list.body());
        assertTrue(text(list).contains("Zeitplan Rot · Budget Grün · Qualität Gelb"), list.body());
        assertFalse(state.get(query + "&light=GREEN").body().contains(">" + title + "<"));
        Page english = state.get(query + "&lang=en");
        assertTrue(text(english).contains("Schedule Red · Budget Green · Quality Yellow"), english.body());
    }

    @Test
    void financeReadsTheReportsButGetsNoFormAndAnotherStateNothing() {
        Account fitko = api.account(Role.FITKO, null);
        long id = approved(fitko, api.unique("Nur lesen"));
        assertEquals(201, api.post(fitko, "/api/applications/" + id + "/status-reports",
                Map.of("schedule", "GREEN", "budget", "GREEN", "quality", "GREEN")).status());
        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page shown = finance.get("/ui/applications/" + id);
        assertEquals(200, shown.status(), shown.body());
        assertTrue(shown.body().contains("Bisherige Statusberichte, neueste zuerst"), shown.body());
        assertFalse(shown.body().contains("id=\"report\""), "no form for FINANCE");
        assertEquals(403, finance.post("/ui/applications/" + id + "/status-reports",
                Map.of("statusSchedule", "GREEN", "statusBudget", "GREEN", "statusQuality", "GREEN")).status());

        WebSession other = loggedIn(api.account(Role.STATE, StateCode.BY));
        other.get("/ui/applications");
        assertEquals(404, other.post("/ui/applications/" + id + "/status-reports",
                Map.of("statusSchedule", "GREEN", "statusBudget", "GREEN", "statusQuality", "GREEN")).status());

        long submitted = api.submitted(StateCode.RP);
        Page notYet = loggedIn(api.applicant(StateCode.RP)).get("/ui/applications/" + submitted);
        assertTrue(notYet.body().contains("Statusberichte gibt es für genehmigte Projekte."), notYet.body());
        assertFalse(notYet.body().contains("id=\"report\""));

        WebSession noToken = loggedIn(fitko);
        noToken.csrf = null;
        assertEquals(403, noToken.post("/ui/applications/" + id + "/status-reports",
                Map.of("_csrf", "", "statusSchedule", "GREEN", "statusBudget", "GREEN", "statusQuality", "GREEN")).status());
    }

    @Test
    void thePortfolioPageCountsTheLightsAndOffersTheReport() {
        Account fitko = api.account(Role.FITKO, null);
        String title = api.unique("Portfolioseite");
        long id = approved(fitko, title);
        assertEquals(201, api.post(fitko, "/api/applications/" + id + "/status-reports",
                Map.of("schedule", "GREEN", "budget", "RED", "quality", "GREEN", "comment", "Mehrkosten")).status());

        WebSession session = loggedIn(fitko);
        Page red = session.get("/ui/portfolio?ownerState=RP&light=RED");
        assertEquals(200, red.status(), red.body());
        assertTrue(red.body().contains(title), red.body());
        assertTrue(red.body().contains("<th scope=\"row\">Budget</th>"), red.body());
        assertTrue(red.body().contains("href=\"/ui/portfolio/portfolio.pdf?ownerState=RP&amp;light=RED\""), red.body());
        Page english = session.get("/ui/portfolio?ownerState=RP&light=RED&lang=en");
        assertTrue(english.body().contains("Projects per light") && english.body().contains(">Red</span>"), english.body());
        session.get("/ui/portfolio?lang=de");

        Page wrong = session.get("/ui/portfolio?light=BLAU");
        assertEquals(200, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("href=\"#light\""), wrong.body());

        TestApi.Download pdf = download(session, "/ui/portfolio/portfolio.pdf?ownerState=RP");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals(400, download(session, "/ui/portfolio/portfolio.csv").status());

        WebSession state = loggedIn(api.applicant(StateCode.RP));
        Page own = state.get("/ui/portfolio");
        assertTrue(own.body().contains("Portfolio: genehmigte Projekte von Rheinland-Pfalz"), own.body());
        assertFalse(own.body().contains("id=\"ownerState\""), "a state has no state filter");
        assertEquals(403, loggedIn(api.account(Role.ADMIN, null)).get("/ui/portfolio").status());
    }

    /** The page as read, without its tags. */
    private static String text(Page page) {
        return page.body().replaceAll("<[^>]+>", "");
    }

    private static TestApi.Download download(WebSession session, String path) {
        Page page = session.get(path);
        return new TestApi.Download(page.status(), page.headers().firstValue("Content-Type").orElse(null),
                page.body().getBytes(StandardCharsets.ISO_8859_1));
    }
}
