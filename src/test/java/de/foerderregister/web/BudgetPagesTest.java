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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget pages over plain HTTP: the envelope page with its figures, chart and finance's form
 * (the shortfall of lowering below what is committed, and the reason to exceed it), FITKO's
 * carry-over on an application's page, and the reason to exceed an envelope asked for by every
 * form of FITKO that raises approved shares (decision, meeting batch, confirmed amendment). Every test works in years of its own
 * ({@link TestApi#unusedYears}): envelopes are global per funding source and year.
 */
@MicronautTest(transactional = false)
class BudgetPagesTest {

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
    void financeSetsAnEnvelopeAndTheFiguresShowAsTableAndChart() {
        int year = api.unusedYears(1);
        approvedIn(api, api.account(Role.FITKO, null), year, "100000.00");
        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page before = finance.get(BudgetPages.PATH + "?year=" + year);
        assertEquals(200, before.status(), before.body());
        assertTrue(before.body().contains("href=\"/ui/budget\""), "in finance's navigation");
        String row = row(before, year);
        assertTrue(row.contains(">100.000,00 €<"), "committed, without an envelope: " + row);
        assertTrue(row.contains(">–<"), "no envelope, nothing available: " + row);

        Page set = finance.post("/ui/budget/envelopes", envelope(year, "250.000,00", null));
        assertEquals(303, set.status(), set.body());
        assertEquals(BudgetPages.PATH + "?done=envelopeSet", set.location());
        Page after = finance.get(BudgetPages.PATH + "?year=" + year);
        row = row(after, year);
        assertTrue(row.contains(">250.000,00 €<") && row.contains(">150.000,00 €<") && row.contains(">40,00 %<"),
                "envelope, available and utilisation: " + row);
        assertTrue(after.body().contains("<rect class=\"bar-envelope\""), after.body());
        assertTrue(after.body().contains(">" + year + " Mittelrahmen<"), "each bar names its series: " + after.body());
        assertTrue(after.body().contains("Mittelbedarf " + year), "the envelope's reason is listed");
        assertTrue(after.body().contains("id=\"budget-status-pdf\" href=\"/ui/reports/budget-status.pdf?year=" + year + "\""),
                after.body());
        Page csv = finance.get("/ui/reports/budget-status.csv?year=" + year);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().contains("Digitalisierungsbudget") && csv.body().contains(String.valueOf(year)), csv.body());
    }

    @Test
    void loweringBelowWhatIsCommittedShowsTheShortfallAndAsksForTheReason() {
        int year = api.unusedYears(1);
        approvedIn(api, api.account(Role.FITKO, null), year, "100000.00");
        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page form = finance.get(BudgetPages.PATH);
        assertFalse(form.body().contains("id=\"envelopeOverCommitment\""), "no reason asked for before it is needed");

        Page refused = finance.post("/ui/budget/envelopes", envelope(year, "60.000,00", null));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"envelopeOverCommitment-error\">Der Mittelrahmen Digitalisierungsbudget "
                + year + " beträgt 60.000,00 €; gebunden wären 100.000,00 €, 40.000,00 € mehr."), refused.body());
        assertTrue(refused.body().contains("<textarea id=\"envelopeOverCommitment\""), refused.body());
        assertTrue(refused.body().contains("href=\"#envelopeOverCommitment\""), "the summary leads to it");
        assertTrue(refused.body().contains("value=\"60.000,00\""), "what was typed stays");
        assertTrue(row(finance.get(BudgetPages.PATH + "?year=" + year), year).contains(">–<"), "nothing was set");

        finance.get(BudgetPages.PATH + "?lang=en");
        Page english = finance.post("/ui/budget/envelopes", envelope(year, "60.000,00", null));
        assertEquals(409, english.status());
        assertTrue(english.body().contains("the envelope of Digitalisation budget for " + year + " is 60.000,00"),
                english.body());
        finance.get(BudgetPages.PATH + "?lang=de");

        Page exceeded = finance.post("/ui/budget/envelopes", envelope(year, "60.000,00", "Kürzung durch den Haushaltsgesetzgeber"));
        assertEquals(303, exceeded.status(), exceeded.body());
        String row = row(finance.get(BudgetPages.PATH + "?year=" + year), year);
        assertTrue(row.contains("class=\"num short\">-40.000,00 €<"), "over-committed, not by colour alone: " + row);
    }

    @Test
    void onlyFinanceSetsEnvelopesAndAStateSeesNoBudget() {
        WebSession fitko = loggedIn(api.account(Role.FITKO, null));
        Page page = fitko.get(BudgetPages.PATH);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("href=\"/ui/budget\""), "in FITKO's navigation");
        assertFalse(page.body().contains("id=\"set-envelope\""), "FITKO reads, finance sets");
        int year = api.unusedYears(1);
        Page post = fitko.post("/ui/budget/envelopes", envelope(year, "1.000,00", null));
        assertEquals(403, post.status(), post.body());

        WebSession state = loggedIn(api.account(Role.STATE, StateCode.NW));
        Page refused = state.get(BudgetPages.PATH);
        assertEquals(403, refused.status());
        assertFalse(refused.body().contains("href=\"/ui/budget\""), "not in a state's navigation");
        assertEquals(403, loggedIn(api.account(Role.ADMIN, null)).get(BudgetPages.PATH).status());
    }

    @Test
    void fitkoCarriesOverAShareAndTheYearsFollow() {
        // 2021 and 2022 have no envelope: the years of the usual application do
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        assertFalse(loggedIn(api.applicant(StateCode.NW)).get("/ui/applications/" + id).body().contains("id=\"carry-over\""),
                "carrying over is FITKO's");
        WebSession session = loggedIn(api.account(Role.FITKO, null));
        Page page = session.get("/ui/applications/" + id);
        assertTrue(page.body().contains("<h3 id=\"carry-over-title\">Mittel übertragen</h3>"), page.body());

        Page backwards = session.post("/ui/applications/" + id + "/carry-overs", carryOver(2022, 2021, "1.000,00", null));
        assertEquals(422, backwards.status(), backwards.body());
        assertTrue(backwards.body().contains("id=\"carryToYear-error\">muss nach dem Jahr 2022"), backwards.body());
        Page tooMuch = session.post("/ui/applications/" + id + "/carry-overs", carryOver(2021, 2022, "500.000,01", null));
        assertEquals(409, tooMuch.status(), tooMuch.body());
        assertTrue(tooMuch.body().contains("id=\"carryAmount-error\">übersteigt den noch nicht abgerufenen Anteil des Jahres"
                + " 2021; übertragbar sind höchstens 500.000,00 €."), tooMuch.body());

        Page carried = session.post("/ui/applications/" + id + "/carry-overs", carryOver(2021, 2022, "40.000,00", null));
        assertEquals(303, carried.status(), carried.body());
        Page shown = session.get(carried.location());
        assertTrue(shown.body().contains("Die Mittel wurden übertragen"), shown.body());
        assertTrue(shown.body().contains("id=\"remaining-2021\">460.000,00 €<"), shown.body());
        assertTrue(shown.body().contains("id=\"remaining-2022\">551.500,00 €<"), shown.body());
        assertTrue(shown.body().contains("id=\"remaining-total\">1.011.500,00 €<"), "the total stays: " + shown.body());
        assertTrue(shown.body().contains("<table id=\"carry-overs\">"), shown.body());

        assertEquals(403, loggedIn(api.applicant(StateCode.NW)).post("/ui/applications/" + id + "/carry-overs",
                carryOver(2021, 2022, "1.000,00", null)).status());
    }

    @Test
    void aCarryOverIntoAFullEnvelopeAsksForTheReason() {
        int year = api.unusedYears(2);
        Account fitko = api.account(Role.FITKO, null);
        long id = approvedIn(api, fitko, year, "100000.00", "200000.00");
        Account finance = api.account(Role.FINANCE, null);
        TestApi.Response full = api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + (year + 1),
                Map.of("amount", "200000.00", "reason", "genau der Bedarf"), Map.of());
        assertEquals(200, full.status(), full.body());

        WebSession session = loggedIn(api.account(Role.FITKO, null));
        session.get("/ui/applications/" + id);
        Page refused = session.post("/ui/applications/" + id + "/carry-overs", carryOver(year, year + 1, "40.000,00", null));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"carryOverCommitment-error\">Der Mittelrahmen Digitalisierungsbudget "
                + (year + 1) + " beträgt 200.000,00 €; gebunden wären 240.000,00 €, 40.000,00 € mehr."), refused.body());
        assertTrue(refused.body().contains("action=\"/ui/applications/" + id + "/carry-overs#carry-over\""), refused.body());
        Page carried = session.post("/ui/applications/" + id + "/carry-overs",
                carryOver(year, year + 1, "40.000,00", "Verzögerung der Ausschreibung"));
        assertEquals(303, carried.status(), carried.body());
    }

    @Test
    void aDecisionOrBatchThatExceedsAnEnvelopeAsksForTheReason() {
        int year = api.unusedYears(1);
        Account finance = api.account(Role.FINANCE, null);
        assertEquals(200, api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + year,
                Map.of("amount", "50000.00", "reason", "knapp"), Map.of()).status());
        long single = api.filed(inYears(api, year, "100000.00"));
        long batched = api.filed(inYears(api, year, "100000.00"));
        WebSession fitko = loggedIn(api.account(Role.FITKO, null));
        fitko.get("/ui/applications/" + single + "/decision");
        Map<String, String> decision = new LinkedHashMap<>(Map.of("outcome", "APPROVED", "approvedAmount", "100.000,00",
                "body", "Abteilungsleiterrunde", "meetingDate", "19.01.2021", "agendaItem", "TOP 08", "kind", "RESOLUTION"));
        Page refused = fitko.post("/ui/applications/" + single + "/decision", decision);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"overCommitment-error\">Der Mittelrahmen Digitalisierungsbudget " + year
                + " beträgt 50.000,00 €; gebunden wären 100.000,00 €"), refused.body());
        assertTrue(refused.body().contains("href=\"#overCommitment\""), refused.body());
        decision.put("overCommitment", "Beschluss der Abteilungsleiterrunde trotz knapper Mittel");
        assertEquals(303, fitko.post("/ui/applications/" + single + "/decision", decision).status());

        fitko.get("/ui/batch");
        Map<String, String> batch = new LinkedHashMap<>(Map.of("body", "Abteilungsleiterrunde", "meetingDate", "19.01.2021",
                "agendaItem", "TOP 08", "kind", "RESOLUTION", "pick_" + batched, "on", "outcome_" + batched, "APPROVED",
                "amount_" + batched, "100.000,00"));
        Page batchRefused = fitko.post("/ui/batch", batch);
        assertEquals(409, batchRefused.status(), batchRefused.body());
        assertTrue(batchRefused.body().contains("id=\"overCommitment-error\">Der Mittelrahmen Digitalisierungsbudget " + year),
                batchRefused.body());
        batch.put("overCommitment", "Beschluss der Abteilungsleiterrunde trotz knapper Mittel");
        assertEquals(303, fitko.post("/ui/batch", batch).status());
    }

    @Test
    void aConfirmedRaiseThatExceedsAnEnvelopeAsksForTheReason() {
        int year = api.unusedYears(1);
        long id = approvedIn(api, api.account(Role.FITKO, null), year, "100000.00");
        Account finance = api.account(Role.FINANCE, null);
        assertEquals(200, api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + year,
                Map.of("amount", "100000.00", "reason", "genau der Bedarf"), Map.of()).status());
        WebSession proposer = loggedIn(api.account(Role.FITKO, null));
        proposer.get("/ui/applications/" + id + "/amendment");
        Page proposed = proposer.post("/ui/applications/" + id + "/amendment", Map.of("body", "Abteilungsleiterrunde",
                "meetingDate", "16.03.2021", "agendaItem", "TOP 03", "vatRatePercent", "19", "reason", "Umsatzsteuer"));
        assertEquals(303, proposed.status(), "a raise of 19 % waits for a second FITKO user: " + proposed.body());

        WebSession confirmer = loggedIn(api.account(Role.FITKO, null));
        Page page = confirmer.get("/ui/applications/" + id);
        Matcher button = Pattern.compile("id=\"confirm_(\\d+)\"").matcher(page.body());
        assertTrue(button.find(), page.body());
        String amendment = button.group(1);
        String path = "/ui/applications/" + id + "/amendments/" + amendment + "/confirm";
        Page refused = confirmer.post(path, Map.of());
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"overCommitment_" + amendment + "-error\">Der Mittelrahmen Digitalisierungsbudget "
                + year + " beträgt 100.000,00 €; gebunden wären 119.000,00 €, 19.000,00 € mehr."), refused.body());
        assertTrue(refused.body().contains("<textarea id=\"overCommitment_" + amendment + "\""), refused.body());
        Page confirmed = confirmer.post(path, Map.of("overCommitment_" + amendment, "Umsatzsteuer ist zu zahlen"));
        assertEquals(303, confirmed.status(), confirmed.body());
        assertTrue(confirmer.get(confirmed.location()).body().contains("id=\"approvedAmount\">119.000,00 €<"));
    }

    @Test
    void theBudgetFormsRefuseAPostWithoutTheToken() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        for (Account account : new Account[]{api.account(Role.FINANCE, null), api.account(Role.FITKO, null)}) {
            WebSession session = loggedIn(account);
            session.csrf = null;
            assertEquals(403, session.post("/ui/budget/envelopes", Map.of("_csrf", "")).status());
            assertEquals(403, session.post("/ui/applications/" + id + "/carry-overs", Map.of("_csrf", "")).status());
        }
    }

    /**
     * An application of NW over consecutive years from {@code firstYear}, one amount per year,
     * approved as requested. The years are few on purpose: {@link TestApi#unusedYears} has sixty.
     */
    static long approvedIn(TestApi api, Account fitko, int firstYear, String... amounts) {
        Map<String, Object> body = inYears(api, firstYear, amounts);
        return api.approved(fitko, body, (String) body.get("requestedAmount"));
    }

    /** An application of NW over consecutive years from {@code firstYear}, requesting one amount per year. */
    static Map<String, Object> inYears(TestApi api, int firstYear, String... amounts) {
        Map<String, Object> body = api.application(StateCode.NW);
        List<Map<String, Object>> plan = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            plan.add(Map.of("year", firstYear + i, "amount", amounts[i]));
            total = total.add(new BigDecimal(amounts[i]));
        }
        body.put("startDate", firstYear + "-01-01");
        body.put("endDate", (firstYear + amounts.length - 1) + "-12-31");
        body.put("requestedAmount", total.toPlainString());
        body.put("annualPlan", plan);
        return body;
    }

    private static Map<String, String> envelope(int year, String amount, String overCommitment) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("envelopeSource", "DIGITALISATION_BUDGET");
        form.put("envelopeYear", String.valueOf(year));
        form.put("envelopeAmount", amount);
        form.put("envelopeReason", "Mittelbedarf " + year);
        form.put("envelopeOverCommitment", overCommitment);
        return form;
    }

    private static Map<String, String> carryOver(int from, int to, String amount, String overCommitment) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("carryFromYear", String.valueOf(from));
        form.put("carryToYear", String.valueOf(to));
        form.put("carryAmount", amount);
        form.put("carryReason", "Verzögerung der Ausschreibung");
        form.put("carryOverCommitment", overCommitment);
        return form;
    }

    /** The table row of the year's Digitalisierungsbudget on the budget page. */
    private static String row(Page page, int year) {
        String id = "id=\"budget-DIGITALISATION_BUDGET-" + year + "\"";
        int start = page.body().indexOf(id);
        assertTrue(start >= 0, page.body());
        return page.body().substring(start, page.body().indexOf("</tr>", start));
    }
}
