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

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages over plain HTTP: session cookie, CSRF, scope and roles, formats and language. */
@MicronautTest(transactional = false)
class WebPagesTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    WebSession browser() {
        return new WebSession(server.getURL().toString());
    }

    WebSession loggedIn(Account account) {
        WebSession session = browser();
        Page start = session.login(account.username(), TestApi.PASSWORD);
        assertEquals(303, start.status(), start.body());
        return session;
    }

    @Test
    void loginSetsAnHttpOnlySameSiteSessionCookieAndLogoutRemovesIt() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = browser();
        Page form = session.get("/ui/login");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("<html lang=\"de\""), form.body());
        assertTrue(form.body().contains("<label for=\"username\">Benutzername</label>"), form.body());

        Page loggedIn = session.post("/ui/login", Map.of("username", nw.username(), "password", TestApi.PASSWORD));
        assertEquals(303, loggedIn.status(), loggedIn.body());
        assertEquals("/ui", loggedIn.location());
        String cookie = loggedIn.setCookies().stream().filter(c -> c.startsWith("FR_SESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);

        Page start = session.get("/ui");
        assertEquals(303, start.status());
        assertEquals("/ui/applications", start.location());
        assertEquals(200, session.get("/ui/applications").status());

        Page loggedOut = session.post("/ui/logout", Map.of());
        assertEquals(303, loggedOut.status());
        assertTrue(loggedOut.setCookies().stream().anyMatch(c -> c.startsWith("FR_SESSION=;") || c.contains("Max-Age=0")),
                loggedOut.setCookies().toString());
        Page after = session.get("/ui/applications");
        assertEquals(303, after.status());
        assertEquals("/ui/login", after.location());
    }

    @Test
    void wrongPasswordShowsTheLoginAgainWithoutACookie() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = browser();
        session.get("/ui/login");
        Page failed = session.post("/ui/login", Map.of("username", nw.username(), "password", "wrong"));
        assertEquals(401, failed.status());
        assertTrue(failed.body().contains("Anmeldung fehlgeschlagen"));
        assertFalse(session.cookies.containsKey("FR_SESSION"));
    }

    @Test
    void pagesWithoutSessionRedirectToLoginAndTheApiIgnoresTheCookie() {
        assertEquals("/ui/login", browser().get("/ui/applications").location());
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = loggedIn(nw);
        // the session cookie is no credential for the API: a forged cross-site call gets nothing
        Page api = session.get("/api/applications");
        assertEquals(401, api.status(), api.body());
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = loggedIn(nw);
        Map<String, String> form = new LinkedHashMap<>(validForm("Ohne Token"));
        form.put("_csrf", "");
        WebSession noToken = session;
        noToken.csrf = null;
        Page refused = noToken.post("/ui/applications", form);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("Keine Berechtigung"), refused.body());

        form.put("_csrf", "forged");
        assertEquals(403, session.post("/ui/applications", form).status());

        // and login itself needs the token of the login page
        WebSession fresh = browser();
        Page login = fresh.post("/ui/login", Map.of("username", nw.username(), "password", TestApi.PASSWORD));
        assertEquals(403, login.status());
    }

    @Test
    void aStateUserCannotSeeAnotherStatesApplication() {
        Account st = api.account(Role.STATE, StateCode.ST);
        long foreign = api.create(st, api.application(StateCode.ST)).get("id").asLong();
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = loggedIn(nw);
        Page page = session.get("/ui/applications/" + foreign);
        assertEquals(404, page.status(), page.body());
        assertTrue(page.body().contains("Nicht gefunden"), page.body());
        assertEquals(404, session.get("/ui/applications/" + foreign + "/edit").status());
        assertEquals(200, loggedIn(st).get("/ui/applications/" + foreign).status());
    }

    @Test
    void financeCannotReachTheDecisionForm() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.NW);
        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page form = finance.get("/ui/applications/" + id + "/decision");
        assertEquals(403, form.status(), form.body());
        assertTrue(form.body().contains("Keine Berechtigung"));
        Page post = finance.post("/ui/applications/" + id + "/decision", Map.of("outcome", "APPROVED",
                "approvedAmount", "1.000,00", "body", "Abteilungsleiterrunde", "meetingDate", "19.01.2021",
                "agendaItem", "TOP 08", "kind", "RESOLUTION"));
        assertEquals(403, post.status());
        assertEquals(200, finance.get("/ui/applications/" + id).status());
    }

    @Test
    void pagesShowGermanAmountsAndDates() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        long id = api.create(nw, api.application(StateCode.NW)).get("id").asLong();
        Page page = loggedIn(nw).get("/ui/applications/" + id);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("1.011.500,00 €"), page.body());
        assertTrue(page.body().contains("01.01.2021 – 31.12.2022"), page.body());
        assertTrue(page.body().contains("Laufzeit") && page.body().contains("Volumen") && page.body().contains("Genehmigung"));
    }

    @Test
    void langEnSwitchesTheLabelsAndIsRemembered() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = loggedIn(nw);
        Page english = session.get("/ui/applications/new?lang=en");
        assertEquals(200, english.status(), english.body());
        assertTrue(english.body().contains("<html lang=\"en\""));
        assertTrue(english.body().contains(">Project</label>"), english.body());
        assertTrue(english.body().contains(">North Rhine-Westphalia</option>"), "states in English too");
        assertTrue(english.setCookies().stream().anyMatch(c -> c.startsWith("FR_LANG=en")));
        assertTrue(session.get("/ui/applications/new").body().contains(">Project</label>"));
        Page german = session.get("/ui/applications/new?lang=de");
        assertTrue(german.body().contains(">Projekt</label>"), german.body());
        assertTrue(german.body().contains(">Nordrhein-Westfalen</option>"), german.body());
    }

    @Test
    void aFailedFormKeepsTheValuesAndNamesEachFieldWithASummary() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        WebSession session = loggedIn(nw);
        session.get("/ui/applications/new");
        Map<String, String> form = validForm("Laufzeit verkehrt");
        form.put("endDate", "31.12.2020");
        form.put("requestedAmount", "viel");
        Page failed = session.post("/ui/applications", form);
        assertEquals(422, failed.status(), failed.body());
        assertTrue(failed.body().contains("role=\"alert\""), failed.body());
        assertTrue(failed.body().contains("href=\"#endDate\""), failed.body());
        assertTrue(failed.body().contains("Das Ende darf nicht vor dem Beginn liegen."), failed.body());
        assertTrue(failed.body().contains("Bitte einen Betrag wie 1.011.500,00 eingeben."), failed.body());
        assertTrue(failed.body().contains("value=\"Laufzeit verkehrt "), failed.body());
        assertTrue(failed.body().contains("value=\"31.12.2020\""), failed.body());

        form.put("endDate", "31.12.2022");
        form.put("requestedAmount", "1.011.500,00");
        Page created = session.post("/ui/applications", form);
        assertEquals(303, created.status(), created.body());
        String location = created.location();
        assertNotNull(location);
        Page shown = session.get(location);
        assertTrue(shown.body().contains("1.011.500,00 €"), shown.body());
    }

    @Test
    void everyFormRouteRefusesAPostWithoutTheToken() {
        WebSession fitko = loggedIn(api.account(Role.FITKO, null));
        long id = api.submitted(StateCode.NW);
        fitko.csrf = null;
        for (String path : new String[]{"/ui/applications", "/ui/applications/" + id, "/ui/applications/" + id + "/submit",
                "/ui/applications/" + id + "/withdraw", "/ui/applications/" + id + "/decision", "/ui/batch",
                "/ui/applications/" + id + "/amendment", "/ui/applications/" + id + "/amendments/1/confirm",
                "/ui/applications/" + id + "/amendments/1/decline", "/ui/logout"}) {
            assertEquals(403, fitko.post(path, Map.of("_csrf", "")).status(), path);
        }
    }

    @Test
    void fitkoPagesRenderAndABatchDecidesThePickedApplications() {
        Account fitko = api.account(Role.FITKO, null);
        long first = api.submitted(StateCode.NW);
        long approved = api.approved(fitko, StateCode.ST, "200000.00");
        WebSession session = loggedIn(fitko);
        assertEquals(200, session.get("/ui/queue").status());
        assertEquals(200, session.get("/ui/applications/" + approved + "/amendment").status());
        assertEquals(200, session.get("/ui/reports?lang=en").status());
        Page batch = session.get("/ui/batch?lang=de");
        assertEquals(200, batch.status(), batch.body());
        assertTrue(batch.body().contains("for=\"pick_" + first + "\""), "each checkbox has a label");

        Page decided = session.post("/ui/batch", Map.of("body", "Abteilungsleiterrunde", "meetingDate", "19.01.2021",
                "agendaItem", "TOP 08", "kind", "RESOLUTION", "pick_" + first, "on", "outcome_" + first, "APPROVED",
                "amount_" + first, "1.000.000,00"));
        assertEquals(303, decided.status(), decided.body());
        assertTrue(session.get("/ui/applications/" + first).body().contains("1.000.000,00 €"));

        Page amended = session.post("/ui/applications/" + approved + "/amendment", Map.of("body", "Abteilungsleiterrunde",
                "meetingDate", "19.01.2021", "agendaItem", "TOP 08", "vatRatePercent", "19",
                "reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht"));
        assertEquals(303, amended.status(), amended.body());
        Page shown = session.get("/ui/applications/" + approved);
        assertTrue(shown.body().contains("238.000,00 €"), shown.body());
    }

    @Test
    void aFormDateOutsideTheCalendarIsNamedInGerman() {
        WebSession session = loggedIn(api.account(Role.STATE, StateCode.NW));
        session.get("/ui/applications/new");
        for (String date : new String[]{"01.01.9999", "0000-01-01", "31.12.1989", "01.01.2101"}) {
            Map<String, String> form = validForm("Kalender");
            form.put("startDate", date);
            Page failed = session.post("/ui/applications", form);
            assertEquals(422, failed.status(), date + ": " + failed.body());
            assertTrue(failed.body().contains("href=\"#startDate\""), failed.body());
            assertTrue(failed.body().contains("muss zwischen 1990-01-01 und 2100-12-31 liegen."), failed.body());
        }
    }

    private static Map<String, String> validForm(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title + " " + System.nanoTime());
        form.put("type", "REFERENCE_IMPLEMENTATION");
        form.put("fundingSource", "DIGITALISATION_BUDGET");
        form.put("startDate", "01.01.2021");
        form.put("endDate", "31.12.2022");
        form.put("requestedAmount", "1.011.500,00");
        form.put("notes", "");
        return form;
    }
}
