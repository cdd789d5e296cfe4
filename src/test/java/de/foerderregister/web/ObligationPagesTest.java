package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports' pages over plain HTTP: what a state owes and submits, FITKO's review, scope, languages. */
@MicronautTest(transactional = false)
class ObligationPagesTest {

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

    /** The submission form sent without a file, as a browser sends it. */
    private static Page submit(WebSession session, String report, String text) {
        return submit(session, report, text, "", "", new byte[0]);
    }

    /** The submission form as a browser sends it: token, text, the document's title, then the file part. */
    private static Page submit(WebSession session, String report, String text, String title, String fileName,
                               byte[] file) {
        Multipart form = new Multipart();
        if (session.csrf != null) {
            form.field("_csrf", session.csrf);
        }
        form.field("text", text).field("documentTitle", title).file(fileName, "application/octet-stream", file);
        return session.postMultipart(report + "/submission", form);
    }

    /** The page of a list that holds the text, walked as a user would: the lists are shared with the other tests. */
    private static Page pageWith(WebSession session, String list, String text) {
        for (int page = 0; page < 500; page++) {
            Page found = session.get(list + "&page=" + page);
            assertEquals(200, found.status(), found.body());
            if (found.body().contains(text)) {
                return found;
            }
            if (!found.body().contains("&amp;page=" + (page + 1) + "\"")) {
                break;
            }
        }
        throw new AssertionError(text + " on no page of " + list);
    }

    @Test
    void aStateSubmitsWhatItOwesAndFitkoReturnsAndAcceptsIt() {
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.applicant(StateCode.NW);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = api.get(nw, "/api/applications/" + id + "/obligations").json().get(0).get("id").asLong();
        String title = api.get(nw, "/api/applications/" + id).json().get("title").asText();
        String report = "/ui/applications/" + id + "/obligations/" + interim;

        WebSession state = loggedIn(nw);
        Page owes = pageWith(state, "/ui/obligations?lang=de", "href=\"" + report + "\"");
        assertEquals(200, owes.status(), owes.body());
        assertTrue(owes.body().contains("Nachweise von Nordrhein-Westfalen: was wir schulden"), owes.body());
        assertTrue(owes.body().contains("<option value=\"OUTSTANDING\" selected=\"selected\">"), "what it owes, unless it asks for more");
        assertTrue(owes.body().contains("href=\"" + report + "\""), owes.body());
        assertTrue(owes.body().contains("aria-label=\"Nachweis einreichen: Zwischennachweis 2021, " + title + "\""), owes.body());
        assertTrue(owes.body().contains(" – überfällig"), "overdue in words, not in colour alone");

        Page application = state.get("/ui/applications/" + id);
        assertTrue(application.body().contains("Zwischennachweis 2021") && application.body().contains("Verwendungsnachweis"),
                application.body());
        assertTrue(application.body().contains("30.04.2022") && application.body().contains("30.06.2023"), application.body());

        Page form = state.get(report);
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("<textarea id=\"text\" name=\"text\""), form.body());
        assertFalse(form.body().contains("id=\"accept\""), "a state does not review");
        Page empty = submit(state, report, " ");
        assertEquals(422, empty.status(), empty.body());
        assertTrue(empty.body().contains("href=\"#text\""), empty.body());
        assertTrue(empty.body().contains("aria-describedby=\"text-error\""), empty.body());
        Page submitted = submit(state, report, "Sachbericht 2021");
        assertEquals(303, submitted.status(), submitted.body());
        assertEquals(report + "?done=reportSubmitted", submitted.location());
        Page shown = state.get(submitted.location());
        assertTrue(shown.body().contains("Der Nachweis wurde eingereicht."), shown.body());
        assertTrue(shown.body().contains("eingereicht, in Prüfung") && shown.body().contains("Sachbericht 2021"), shown.body());
        assertFalse(shown.body().contains("<textarea id=\"text\""), "nothing to submit while FITKO reviews it");

        WebSession reviewer = loggedIn(fitko);
        Page toReview = reviewer.get("/ui/obligations");
        assertTrue(toReview.body().contains("<option value=\"SUBMITTED\" selected=\"selected\">"), "FITKO starts with its reviews");
        pageWith(reviewer, "/ui/obligations?status=SUBMITTED&ownerState=NW", "href=\"" + report + "\"");
        Page review = reviewer.get(report);
        assertTrue(review.body().contains("id=\"accept\"") && review.body().contains("id=\"return\""), review.body());
        Page noReason = reviewer.post(report + "/return", Map.of("reason", ""));
        assertEquals(422, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("href=\"#reason\""), noReason.body());
        Page returned = reviewer.post(report + "/return", Map.of("reason", "Belege fehlen"));
        assertEquals(303, returned.status(), returned.body());
        assertTrue(reviewer.get(returned.location()).body().contains("Belege fehlen"));

        assertEquals(303, submit(state, report, "mit Belegen").status());
        Page accepted = reviewer.post(report + "/accept", Map.of());
        assertEquals(303, accepted.status(), accepted.body());
        Page done = reviewer.get(accepted.location());
        assertTrue(done.body().contains("Der Nachweis wurde angenommen."), done.body());
        assertTrue(done.body().contains(">angenommen</span>"), done.body());
    }

    @Test
    void aDocumentGoesWithTheReportAndADisguisedFileIsNamedAtItsField() {
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.applicant(StateCode.NW);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = api.get(nw, "/api/applications/" + id + "/obligations").json().get(0).get("id").asLong();
        String report = "/ui/applications/" + id + "/obligations/" + interim;
        WebSession state = loggedIn(nw);
        Page form = state.get(report);
        assertTrue(form.body().contains("enctype=\"multipart/form-data\""), form.body());
        assertTrue(form.body().contains("höchstens 20,0 MB"), "the configured limit");

        Page untitled = submit(state, report, "Sachbericht 2021", "", "nachweis.pdf", SampleFiles.pdf());
        assertEquals(422, untitled.status(), untitled.body());
        assertTrue(untitled.body().contains("href=\"#documentTitle\""), "a file needs its title: " + untitled.body());
        Page disguised = submit(state, report, "Sachbericht 2021", "Nachweis", "nachweis.pdf", SampleFiles.exe());
        assertEquals(415, disguised.status(), disguised.body());
        assertTrue(disguised.body().contains("href=\"#file\""), disguised.body());
        assertTrue(disguised.body().contains("aria-describedby=\"file-error\""), disguised.body());
        assertTrue(disguised.body().contains(">Sachbericht 2021</textarea>"), "the text stays as typed");

        Page submitted = submit(state, report, "Sachbericht 2021", "Zahlenmäßiger Nachweis 2021", "nachweis-2021.pdf",
                SampleFiles.pdf());
        assertEquals(303, submitted.status(), submitted.body());
        Page shown = state.get(submitted.location());
        assertTrue(shown.body().contains("Zahlenmäßiger Nachweis 2021 (nachweis-2021.pdf)"), shown.body());
        Matcher link = Pattern.compile("href=\"(/ui/applications/" + id + "/documents/\\d+)\"")
                .matcher(shown.body());
        assertTrue(link.find(), "the document is linked for download: " + shown.body());
        assertEquals(200, state.get(link.group(1)).status());
        assertTrue(shown.body().contains("PDF, ") && shown.body().contains("SHA-256 "), shown.body());
    }

    @Test
    void whoeverSubmittedIsNotOfferedTheAcceptance() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = api.get(fitko, "/api/applications/" + id + "/obligations").json().get(0).get("id").asLong();
        String report = "/ui/applications/" + id + "/obligations/" + interim;
        WebSession session = loggedIn(fitko);
        session.get(report);
        assertEquals(303, submit(session, report, "per Post eingegangen").status());

        Page page = session.get(report);
        assertFalse(page.body().contains("id=\"accept\""), page.body());
        assertTrue(page.body().contains("Von Ihnen eingereicht"), page.body());
        assertEquals(403, session.post(report + "/accept", Map.of()).status());
        assertTrue(page.body().contains("id=\"return\""), "returning stays possible");
    }

    @Test
    void anotherStateFinanceAndTheTokenAreHeldToTheRules() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = api.get(fitko, "/api/applications/" + id + "/obligations").json().get(0).get("id").asLong();
        String report = "/ui/applications/" + id + "/obligations/" + interim;

        WebSession st = loggedIn(api.account(Role.STATE, StateCode.ST));
        assertEquals(404, st.get(report).status());
        assertEquals(404, submit(st, report, "fremd").status());
        assertFalse(st.get("/ui/obligations?ownerState=NW&status=").body().contains("href=\"" + report + "\""));
        assertTrue(st.get("/ui/obligations?ownerState=NW&status=").body().contains("<p>0 Nachweise gefunden</p>"),
                "a state's list holds its own reports only, whatever it asks for");

        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page read = finance.get(report);
        assertEquals(200, read.status(), read.body());
        assertFalse(read.body().contains("<form class=\"stack\""), "finance reads, changes nothing");
        assertEquals(403, submit(finance, report, "Finanzen").status());
        assertEquals(200, finance.get("/ui/obligations?overdue=on").status());

        WebSession admin = loggedIn(api.account(Role.ADMIN, null));
        assertEquals(403, admin.get("/ui/obligations").status());

        WebSession withoutToken = loggedIn(fitko);
        withoutToken.csrf = null;
        for (String path : new String[]{report + "/accept", report + "/return"}) {
            assertEquals(403, withoutToken.post(path, Map.of("_csrf", "", "text", "x", "reason", "x")).status(), path);
        }
        // every page, the refusals too, carries the session's token for its logout form
        withoutToken.csrf = null;
        assertEquals(403, submit(withoutToken, report, "ohne Token").status());
    }

    @Test
    void thePagesSpeakEnglishToo() {
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.applicant(StateCode.NW);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = api.get(nw, "/api/applications/" + id + "/obligations").json().get(0).get("id").asLong();

        WebSession session = loggedIn(nw);
        Page list = pageWith(session, "/ui/obligations?lang=en", "/obligations/" + interim + "\"");
        assertTrue(list.body().contains("<html lang=\"en\""), list.body());
        assertTrue(list.body().contains("Reports of North Rhine-Westphalia: what we owe"), list.body());
        assertTrue(list.body().contains("Interim report 2021") && list.body().contains(" – overdue"), list.body());
        Page report = session.get("/ui/applications/" + id + "/obligations/" + interim);
        assertTrue(report.body().contains(">Submit report</button>"), report.body());
        assertTrue(session.get("/ui/applications/" + id).body().contains("Final report"));
    }
}
