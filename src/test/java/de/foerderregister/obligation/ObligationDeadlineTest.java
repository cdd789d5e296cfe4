package de.foerderregister.obligation;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is overdue, on a fixed day of the registry's clock: Monday 2 May 2022, two days after the
 * interim reports for 2021 fell due. The work lists' filters, the data-quality finding and the
 * payment requests.
 */
@MicronautTest(transactional = false)
@Property(name = "registry.obligations.block-payments-when-overdue", value = "true")
class ObligationDeadlineTest {

    static final LocalDate TODAY = LocalDate.of(2022, 5, 2);

    @Inject
    TestApi api;

    Account fitko;
    Account hb;
    /** Runtime 2021–2022: the interim report for 2021 is overdue, the final one not yet due. */
    long twoYears;
    long twoYearsInterim;
    long twoYearsFinal;
    /** Runtime ending 13 October 2021: the final report fell due on 13 April 2022. */
    long endedLastYear;
    long endedLastYearFinal;

    @MockBean(Clock.class)
    Clock fixedClock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant(), ZoneId.of("Europe/Berlin"));
    }

    @BeforeEach
    void approvals() {
        fitko = api.account(Role.FITKO, null);
        hb = api.applicant(StateCode.HB);
        twoYears = api.approved(fitko, StateCode.HB, "1011500.00");
        JsonNode owed = owed(twoYears);
        twoYearsInterim = owed.get(0).get("id").asLong();
        twoYearsFinal = owed.get(1).get("id").asLong();
        Map<String, Object> ended = api.application(StateCode.HB);
        ended.put("startDate", "2021-02-01");
        ended.put("endDate", "2021-10-13");
        ended.remove("annualPlan");
        endedLastYear = api.approved(fitko, ended, "300000.00");
        endedLastYearFinal = owed(endedLastYear).get(0).get("id").asLong();
    }

    @Test
    void reportsStillOwedPastTheirDueDateAreOverdue() {
        JsonNode owed = owed(twoYears);
        assertEquals("2022-04-30", owed.get(0).get("dueDate").asText());
        assertTrue(owed.get(0).get("overdue").asBoolean());
        assertEquals("2023-06-30", owed.get(1).get("dueDate").asText());
        assertFalse(owed.get(1).get("overdue").asBoolean());
        assertTrue(owed(endedLastYear).get(0).get("overdue").asBoolean());

        List<JsonNode> overdue = all(fitko, "overdue=true&ownerState=HB");
        assertTrue(ids(overdue).containsAll(List.of(twoYearsInterim, endedLastYearFinal)), overdue.toString());
        assertFalse(ids(overdue).contains(twoYearsFinal));
        assertTrue(overdue.stream().allMatch(row -> row.get("overdue").asBoolean() && row.get("ownerState").asText().equals("HB")
                && LocalDate.parse(row.get("dueDate").asText()).isBefore(TODAY)), overdue.toString());
        List<JsonNode> notOverdue = all(fitko, "overdue=false&ownerState=HB");
        assertTrue(ids(notOverdue).contains(twoYearsFinal));
        assertFalse(ids(notOverdue).contains(twoYearsInterim));

        List<JsonNode> dueBefore = all(fitko, "dueBefore=2022-04-14&ownerState=HB");
        assertTrue(ids(dueBefore).contains(endedLastYearFinal));
        assertFalse(ids(dueBefore).contains(twoYearsInterim), "due on 30 April, not before the 14th");

        // submitted is not overdue; returned is owed again
        String path = "/api/applications/" + twoYears + "/obligations/" + twoYearsInterim;
        assertEquals(200, api.post(hb, path + "/submission", Map.of("text", "Sachbericht 2021")).status());
        assertFalse(ids(all(fitko, "overdue=true&ownerState=HB")).contains(twoYearsInterim));
        assertTrue(ids(all(fitko, "status=SUBMITTED&ownerState=HB")).contains(twoYearsInterim), "FITKO's review list");
        assertEquals(200, api.post(fitko, path + "/return", Map.of("reason", "Belege fehlen")).status());
        assertTrue(ids(all(fitko, "overdue=true&ownerState=HB")).contains(twoYearsInterim));
    }

    @Test
    void aStatesListOfWhatItOwesHoldsItsOwnReportsOnly() {
        List<JsonNode> owes = all(hb, "status=OPEN&status=RETURNED");
        assertTrue(ids(owes).containsAll(List.of(twoYearsInterim, twoYearsFinal, endedLastYearFinal)));
        assertTrue(owes.stream().allMatch(row -> row.get("ownerState").asText().equals("HB")
                && List.of("OPEN", "RETURNED").contains(row.get("status").asText())), owes.toString());
        Account nw = api.applicant(StateCode.NW);
        assertFalse(ids(all(nw, "ownerState=HB")).contains(twoYearsInterim), "another state asks for HB's");

        Response page = api.get(hb, "/api/obligations?size=1&status=OPEN");
        assertEquals(1, page.json().get("content").size());
        assertTrue(page.json().get("totalSize").asLong() >= 3, page.body());
    }

    @Test
    void anOverdueReportIsADataQualityFindingUntilItIsSubmitted() {
        List<JsonNode> findings = overdueFindings(fitko, twoYears);
        assertEquals(1, findings.size(), findings.toString());
        JsonNode finding = findings.get(0);
        assertEquals("/api/applications/" + twoYears, finding.get("link").asText());
        assertEquals("the interim report for 2021 (report " + twoYearsInterim + ") was due on 2022-04-30 and has not been submitted",
                finding.get("reason").asText());
        assertEquals("the final report (report " + endedLastYearFinal + ") was due on 2022-04-13 and has not been submitted",
                overdueFindings(fitko, endedLastYear).get(0).get("reason").asText());
        assertEquals(1, overdueFindings(hb, twoYears).size(), "the state sees its own");
        assertEquals(0, overdueFindings(api.applicant(StateCode.NW), twoYears).size(), "another state does not");

        String path = "/api/applications/" + twoYears + "/obligations/" + twoYearsInterim;
        assertEquals(200, api.post(hb, path + "/submission", Map.of("text", "Sachbericht 2021")).status());
        assertEquals(0, overdueFindings(fitko, twoYears).size());
        assertEquals(200, api.post(fitko, path + "/return", Map.of("reason", "Belege fehlen")).status());
        assertTrue(overdueFindings(fitko, twoYears).get(0).get("reason").asText().endsWith("was returned and not submitted again"));
    }

    @Test
    void reportsNotYetDueStopNoPaymentOverdueOnesDo() {
        Map<String, Object> current = api.application(StateCode.HB);
        current.put("startDate", "2022-01-01");
        current.put("endDate", "2023-12-31");
        current.remove("annualPlan");
        long running = api.approved(fitko, current, "1000000.00");
        assertTrue(owed(running).findValues("overdue").stream().noneMatch(JsonNode::asBoolean));

        Response requested = api.post(hb, "/api/applications/" + running + "/payments",
                Map.of("amount", "1000.00", "year", 2022, "purpose", "Erste Tranche"));
        assertEquals(201, requested.status(), requested.body());
        Response refused = api.post(hb, "/api/applications/" + twoYears + "/payments",
                Map.of("amount", "1000.00", "year", 2022, "purpose", "Zweite Tranche"));
        assertEquals(409, refused.status(), refused.body());
        assertEquals(1, refused.json().get("errors").size(), "the final report is not due yet");
        assertEquals(String.valueOf(twoYearsInterim), refused.json().get("errors").get(0).get("arguments").get(0).asText());
    }

    private List<JsonNode> overdueFindings(Account account, long applicationId) {
        Response response = api.get(account, "/api/data-quality");
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().spliterator(), false)
                .filter(finding -> finding.get("kind").asText().equals("OBLIGATION_OVERDUE")
                        && finding.get("applicationId").asLong() == applicationId)
                .toList();
    }

    private JsonNode owed(long applicationId) {
        Response response = api.get(hb, "/api/applications/" + applicationId + "/obligations");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private List<JsonNode> all(Account account, String query) {
        return api.pages(account, "/api/obligations?" + query);
    }

    private static List<Long> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("id").asLong()).toList();
    }
}
