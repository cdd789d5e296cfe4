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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payment pages over plain HTTP: the money on an application's page and its forms, FITKO's
 * list of requests to release and finance's list to book, each for the roles that may and may not.
 * The applications are {@link TestApi#approved} ones: 2021 500.000,00 and 2022 511.500,00.
 */
@MicronautTest(transactional = false)
class PaymentPagesTest {

    private static final Pattern PAYMENT_ID = Pattern.compile("id=\"payment-status-(\\d+)\"");

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

    @Test
    void aStateRequestsAPaymentOnItsApplicationsPageAndSeesWhatRemains() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        WebSession state = loggedIn(api.applicant(StateCode.NW));
        Page page = state.get("/ui/applications/" + id);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<h3 id=\"request-title\">Mittel abrufen</h3>"), page.body());
        assertTrue(page.body().contains("<option value=\"2021\" selected=\"selected\">2021 (noch abrufbar: 500.000,00 €)</option>"),
                "the years of the split, with what is left of each: " + page.body());
        assertTrue(page.body().contains("id=\"remaining-total\">1.011.500,00 €<"), page.body());
        assertFalse(page.body().contains("id=\"repayment\""), "repayments are finance's");

        Page requested = state.post("/ui/applications/" + id + "/payments", Map.of("paymentAmount", "120.000,00",
                "paymentYear", "2021", "paymentPurpose", "Erste Tranche"));
        assertEquals(303, requested.status(), requested.body());
        assertEquals("/ui/applications/" + id + "?done=paymentRequested", requested.location());
        Page shown = state.get(requested.location());
        assertTrue(shown.body().contains("Die Zahlung wurde angefordert."), shown.body());
        long payment = paymentIn(shown);
        assertTrue(shown.body().contains("id=\"payment-status-" + payment + "\">angefordert<"), shown.body());
        assertTrue(shown.body().contains("id=\"remaining-2021\">380.000,00 €<"), shown.body());
        assertTrue(shown.body().contains("id=\"remaining-total\">891.500,00 €<"), shown.body());
        assertTrue(shown.body().contains("Wartet auf die Freigabe durch FITKO."), shown.body());
    }

    @Test
    void aRefusedRequestNamesEachFieldInThePagesLanguage() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        WebSession state = loggedIn(api.applicant(StateCode.NW));
        state.get("/ui/applications/" + id);
        Page unreadable = state.post("/ui/applications/" + id + "/payments", Map.of("paymentAmount", "viel",
                "paymentYear", "2021", "paymentPurpose", "Erste Tranche"));
        assertEquals(422, unreadable.status(), unreadable.body());
        assertTrue(unreadable.body().contains("href=\"#paymentAmount\""), unreadable.body());
        assertTrue(unreadable.body().contains("id=\"paymentAmount-error\">Bitte einen Betrag wie 1.011.500,00 eingeben.<"),
                unreadable.body());
        assertTrue(unreadable.body().contains("value=\"viel\""), "what was typed stays");
        assertTrue(unreadable.body().contains("action=\"/ui/applications/" + id + "/payments#request\""),
                "the browser lands at the form");

        Page tooMuch = state.post("/ui/applications/" + id + "/payments", Map.of("paymentAmount", "500.000,01",
                "paymentYear", "2021", "paymentPurpose", ""));
        assertEquals(422, tooMuch.status(), "the missing purpose first: " + tooMuch.body());
        assertTrue(tooMuch.body().contains("id=\"paymentPurpose-error\">ist eine Pflichtangabe.<"), tooMuch.body());

        state.get("/ui/applications/" + id + "?lang=en");
        Page english = state.post("/ui/applications/" + id + "/payments", Map.of("paymentAmount", "500.000,01",
                "paymentYear", "2021", "paymentPurpose", "Erste Tranche"));
        assertEquals(409, english.status(), english.body());
        assertTrue(english.body().contains("<html lang=\"en\""), english.body());
        assertTrue(english.body().contains("id=\"paymentAmount-error\">exceeds what the share of 2021 leaves"), english.body());
        assertTrue(english.body().contains("<a href=\"/ui/applications/" + id + "?lang=de\""),
                "the language switch leads to the page, not to the form's address: " + english.body());
    }

    @Test
    void aStateUserCannotSeeOrRequestAnotherStatesPayments() {
        Account fitko = api.account(Role.FITKO, null);
        long foreign = api.approved(fitko, StateCode.ST, "1011500.00");
        long payment = requestedByApi(api.applicant(StateCode.ST), foreign, "1000.00", 2021);
        WebSession nw = loggedIn(api.account(Role.STATE, StateCode.NW));
        assertEquals(404, nw.get("/ui/applications/" + foreign).status());
        Page post = nw.post("/ui/applications/" + foreign + "/payments", Map.of("paymentAmount", "1.000,00",
                "paymentYear", "2021", "paymentPurpose", "fremd"));
        assertEquals(404, post.status(), post.body());
        assertEquals(404, nw.post("/ui/applications/" + foreign + "/payments/" + payment + "/cancel",
                Map.of("reason_" + payment, "fremd")).status());
        // the work lists are FITKO's and finance's
        assertEquals(403, nw.get(PaymentPages.TO_RELEASE).status());
        assertEquals(403, nw.get(PaymentPages.TO_BOOK).status());
    }

    @Test
    void fitkoReleasesFromItsListButNotItsOwnRequestAndFinanceBooksFromItsList() {
        Account fitko = api.account(Role.FITKO, null);
        Account otherFitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long byState = requestedByApi(api.applicant(StateCode.NW), id, "100000.00", 2021);
        long byFitko = requestedByApi(fitko, id, "50000.00", 2022);

        WebSession release = loggedIn(fitko);
        Page list = release.get(PaymentPages.TO_RELEASE + "?ownerState=NW");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("href=\"/ui/payments/requested\""), "in FITKO's navigation");
        assertTrue(list.body().contains("id=\"release-" + byState + "\""), list.body());
        assertFalse(list.body().contains("id=\"release-" + byFitko + "\""), "no button for one's own request");
        assertTrue(list.body().contains("Von Ihnen angefordert: eine andere Person von FITKO muss freigeben."), list.body());
        // the service refuses it all the same
        assertEquals(403, release.post("/ui/applications/" + id + "/payments/" + byFitko + "/release", Map.of()).status());

        Page released = release.post("/ui/applications/" + id + "/payments/" + byState + "/release", Map.of());
        assertEquals(303, released.status(), released.body());
        assertEquals(PaymentPages.TO_RELEASE + "?done=released", released.location());
        assertTrue(release.get(released.location()).body().contains("Die Zahlung wurde freigegeben"));
        Page noReason = release.post("/ui/applications/" + id + "/payments/" + byFitko + "/reject",
                Map.of("reason_" + byFitko, " "));
        assertEquals(422, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("id=\"reason_" + byFitko + "-error\">ist eine Pflichtangabe.<"), noReason.body());
        assertTrue(noReason.body().contains("href=\"#reason_" + byFitko + "\""), noReason.body());
        WebSession other = loggedIn(otherFitko);
        assertTrue(other.get(PaymentPages.TO_RELEASE).body().contains("id=\"release-" + byFitko + "\""));
        assertEquals(303, other.post("/ui/applications/" + id + "/payments/" + byFitko + "/release", Map.of()).status(),
                "a different FITKO user releases it");

        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page toBook = finance.get(PaymentPages.TO_BOOK);
        assertTrue(toBook.body().contains("href=\"/ui/payments/released\""), "in finance's navigation");
        assertTrue(toBook.body().contains("id=\"book-" + byState + "\""), toBook.body());
        Page unreadable = finance.post("/ui/applications/" + id + "/payments/" + byState + "/paid",
                Map.of("paidOn_" + byState, "gestern", "bookingReference_" + byState, ""));
        assertEquals(422, unreadable.status(), unreadable.body());
        assertTrue(unreadable.body().contains("id=\"paidOn_" + byState + "-error\">Bitte ein Datum wie 31.12.2022 eingeben.<"),
                unreadable.body());
        String reference = api.unique("KA");
        Page booked = finance.post("/ui/applications/" + id + "/payments/" + byState + "/paid",
                Map.of("paidOn_" + byState, "01.03.2021", "bookingReference_" + byState, reference));
        assertEquals(303, booked.status(), booked.body());
        assertEquals(PaymentPages.TO_BOOK + "?done=paid", booked.location());

        Page shown = loggedIn(api.applicant(StateCode.NW)).get("/ui/applications/" + id);
        assertTrue(shown.body().contains("id=\"payment-status-" + byState + "\">ausgezahlt<"), shown.body());
        assertTrue(shown.body().contains("ausgezahlt am 01.03.2021, Buchungszeichen " + reference), shown.body());
        assertTrue(shown.body().contains("id=\"paid-total\">100.000,00 €<"), shown.body());
        assertTrue(shown.body().contains("id=\"remaining-total\">861.500,00 €<"), shown.body());
    }

    @Test
    void financeCannotReleaseAndFitkoCannotBook() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long payment = requestedByApi(api.applicant(StateCode.NW), id, "1000.00", 2021);
        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        assertEquals(403, finance.get(PaymentPages.TO_RELEASE).status());
        Page release = finance.post("/ui/applications/" + id + "/payments/" + payment + "/release", Map.of());
        assertEquals(403, release.status(), release.body());
        assertTrue(release.body().contains("Keine Berechtigung"), release.body());
        assertFalse(finance.get("/ui/applications/" + id).body().contains("id=\"request\""), "finance requests nothing");

        TestApi.Response released = api.post(api.account(Role.FITKO, null), "/api/applications/" + id + "/payments/"
                + payment + "/release", null);
        assertEquals(200, released.status(), released.body());
        WebSession fitkoPages = loggedIn(fitko);
        assertEquals(403, fitkoPages.get(PaymentPages.TO_BOOK).status());
        Page book = fitkoPages.post("/ui/applications/" + id + "/payments/" + payment + "/paid",
                Map.of("paidOn_" + payment, "01.03.2021", "bookingReference_" + payment, api.unique("KA")));
        assertEquals(403, book.status(), book.body());
    }

    @Test
    void theRequesterCancelsAndFinanceRecordsARepayment() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        WebSession state = loggedIn(api.applicant(StateCode.NW));
        state.get("/ui/applications/" + id);
        state.post("/ui/applications/" + id + "/payments", Map.of("paymentAmount", "10.000,00", "paymentYear", "2022",
                "paymentPurpose", "Zweite Tranche"));
        long payment = paymentIn(state.get("/ui/applications/" + id));
        Page noReason = state.post("/ui/applications/" + id + "/payments/" + payment + "/cancel", Map.of());
        assertEquals(422, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("id=\"reason_" + payment + "-error\""), noReason.body());
        Page cancelled = state.post("/ui/applications/" + id + "/payments/" + payment + "/cancel",
                Map.of("reason_" + payment, "doppelt angefordert"));
        assertEquals(303, cancelled.status(), cancelled.body());
        Page shown = state.get(cancelled.location());
        assertTrue(shown.body().contains("id=\"payment-status-" + payment + "\">storniert<"), shown.body());
        assertTrue(shown.body().contains(": doppelt angefordert"), shown.body());

        long paid = requestedByApi(api.applicant(StateCode.NW), id, "40000.00", 2021);
        api.post(api.account(Role.FITKO, null), "/api/applications/" + id + "/payments/" + paid + "/release", null);
        Account financeAccount = api.account(Role.FINANCE, null);
        api.post(financeAccount, "/api/applications/" + id + "/payments/" + paid + "/paid",
                Map.of("paidOn", "2021-03-01", "bookingReference", api.unique("KA")));
        WebSession finance = loggedIn(financeAccount);
        Page page = finance.get("/ui/applications/" + id);
        assertTrue(page.body().contains("<h3 id=\"repayment-title\">Rückzahlung erfassen</h3>"), page.body());
        Map<String, String> form = new LinkedHashMap<>(Map.of("repaymentAmount", "50.000,00", "repaymentYear", "2021",
                "repaymentReceivedOn", "01.04.2021", "repaymentReason", "nicht verbraucht"));
        Page tooMuch = finance.post("/ui/applications/" + id + "/repayments", form);
        assertEquals(409, tooMuch.status(), tooMuch.body());
        assertTrue(tooMuch.body().contains("id=\"repaymentAmount-error\">übersteigt, was für das Jahr 2021 ausgezahlt"),
                tooMuch.body());
        form.put("repaymentAmount", "15.000,00");
        Page repaid = finance.post("/ui/applications/" + id + "/repayments", form);
        assertEquals(303, repaid.status(), repaid.body());
        Page after = finance.get(repaid.location());
        assertTrue(after.body().contains("Die Rückzahlung wurde erfasst."), after.body());
        assertTrue(after.body().contains("id=\"paid-total\">40.000,00 €<"), after.body());
        assertTrue(after.body().contains("id=\"remaining-2021\">475.000,00 €<"), after.body());
    }

    @Test
    void everyPaymentFormRefusesAPostWithoutTheToken() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long payment = requestedByApi(api.applicant(StateCode.NW), id, "1000.00", 2021);
        for (Account account : new Account[]{api.applicant(StateCode.NW), api.account(Role.FITKO, null),
                api.account(Role.FINANCE, null)}) {
            WebSession session = loggedIn(account);
            session.csrf = null;
            for (String path : new String[]{"/payments", "/payments/" + payment + "/cancel", "/payments/" + payment + "/release",
                    "/payments/" + payment + "/reject", "/payments/" + payment + "/paid", "/repayments"}) {
                assertEquals(403, session.post("/ui/applications/" + id + path, Map.of("_csrf", "")).status(), path);
            }
        }
        assertTrue(api.get(fitko, "/api/applications/" + id + "/payments").body().contains("\"REQUESTED\""),
                "nothing moved");
    }

    private long requestedByApi(Account account, long applicationId, String amount, int year) {
        TestApi.Response requested = api.post(account, "/api/applications/" + applicationId + "/payments",
                Map.of("amount", amount, "year", year, "purpose", "Mittelabruf für Entwicklungsleistungen"));
        assertEquals(201, requested.status(), requested.body());
        return requested.json().get("id").asLong();
    }

    /** The id of the last payment the application's page lists. */
    private static long paymentIn(Page page) {
        Matcher found = PAYMENT_ID.matcher(page.body());
        long last = -1;
        while (found.find()) {
            last = Long.parseLong(found.group(1));
        }
        assertTrue(last > 0, page.body());
        return last;
    }
}
