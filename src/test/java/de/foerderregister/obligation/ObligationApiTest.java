package de.foerderregister.obligation;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reporting obligations over HTTP: created once on every approval path, kept in step with the
 * approved year shares, the status machine with its refusals, roles and state scope, four eyes on
 * a report FITKO submitted itself, and two reviews of one submission racing.
 */
@MicronautTest(transactional = false)
class ObligationApiTest {

    private static final int PARALLEL = 16;

    @Inject
    TestApi api;

    @Inject
    ObligationService obligations;

    @Inject
    ApplicationService applications;

    @Inject
    ObligationRepository repository;

    @Inject
    TransactionOperations<Connection> transactions;

    Account fitko;
    Account nw;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        nw = api.applicant(StateCode.NW);
    }

    @Test
    void aSingleDecisionCreatesTheInterimReportsAndTheFinalReportOnce() {
        long id = api.approved(fitko, StateCode.NW, "1011500.00");

        JsonNode owed = owed(nw, id);
        assertEquals(List.of("INTERIM 2021 2022-04-30 OPEN", "FINAL 2022 2023-06-30 OPEN"), summary(owed));
        JsonNode interim = owed.get(0);
        assertEquals(id, interim.get("applicationId").asLong());
        assertEquals("NW", interim.get("ownerState").asText());
        assertEquals(api.get(nw, "/api/applications/" + id).json().get("reference").asText(), interim.get("reference").asText());
        assertTrue(interim.get("overdue").asBoolean(), "due in 2022, still open");
        assertEquals(0, interim.get("submissions").size());
        assertEquals(2, events(id, "OBLIGATION_CREATED").size());
        JsonNode created = events(id, "OBLIGATION_CREATED").get(0);
        assertEquals(Map.of("obligation.id", interim.get("id").asText(), "obligation.kind", "INTERIM",
                "obligation.periodYear", "2021", "obligation.dueDate", "2022-04-30", "obligation.status", "→OPEN"),
                changes(created));
    }

    @Test
    void aMeetingsBatchCreatesThemForItsApprovalsOnly() {
        Map<String, Object> midYear = api.application(StateCode.NW);
        midYear.put("startDate", "2021-07-01");
        midYear.put("endDate", "2023-03-31");
        midYear.remove("annualPlan");
        long approved = api.filed(midYear);
        long rejected = api.filed(api.application(StateCode.NW));
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("body", "IT-Planungsrat");
        batch.put("meetingDate", "2021-06-23");
        batch.put("agendaItem", "TOP 07");
        batch.put("kind", "RESOLUTION");
        batch.put("items", List.of(
                Map.of("applicationId", approved, "outcome", "APPROVED", "approvedAmount", "900000.00"),
                Map.of("applicationId", rejected, "outcome", "REJECTED")));

        Response decided = api.post(fitko, "/api/decisions", batch);

        assertEquals(201, decided.status(), decided.body());
        assertEquals(List.of("INTERIM 2021 2022-04-30 OPEN", "INTERIM 2022 2023-04-30 OPEN", "FINAL 2023 2023-09-30 OPEN"),
                summary(owed(nw, approved)));
        assertEquals(0, owed(nw, rejected).size());
        assertEquals(3, events(approved, "OBLIGATION_CREATED").size());
    }

    @Test
    void anImportedApprovalCreatesThemAsTheTranscriptionIsRecorded() {
        String title = api.unique("Importierte Genehmigung");
        String file = "title,owner_state,type,start_date,end_date,requested_amount_eur,status,decision_body,decision_date,"
                + "agenda_item,notes,source_quality\n"
                + String.join(",", title, "HE", "RI", "2021-03-01", "2021-11-30", "120000.00", "APPROVED",
                "Abteilungsleiterrunde", "2021-01-19", "TOP 08", "", "") + "\n";

        Response imported = api.send("POST", "/api/imports/applications", fitko.token(), file,
                Map.of("Content-Type", "text/csv"));

        assertEquals(200, imported.status(), imported.body());
        JsonNode row = imported.json().get("rows").get(0);
        assertEquals("CREATED", row.get("status").asText(), row.toString());
        long id = row.get("id").asLong();
        assertEquals(List.of("FINAL 2021 2022-05-30 OPEN"), summary(owed(fitko, id)), "a runtime inside one year");
        assertEquals(1, events(id, "OBLIGATION_CREATED").size());
    }

    @Test
    void returnedOrRejectedApplicationsOweNothing() {
        long returned = api.submitted(StateCode.NW);
        assertEquals(200, api.post(fitko, "/api/applications/" + returned + "/decision",
                api.decision("RETURNED", null)).status());
        assertEquals(0, owed(nw, returned).size());
    }

    @Test
    void aYearWithoutAnApprovedShareOwesNoInterimReport() {
        long id = api.approved(fitko, gapYear(), "1000000.00");
        assertEquals(List.of("INTERIM 2021 2022-04-30 OPEN", "FINAL 2023 2024-06-30 OPEN"), summary(owed(nw, id)));
    }

    @Test
    void aCarryOverAddsAndDropsOpenReportsOnlyAndARepeatChangesNothing() {
        long id = api.approved(fitko, gapYear(), "1000000.00");
        Caller caller = new Caller(fitko.username(), Role.FITKO, null);

        // the whole share of 2021 goes to 2022, which had none
        assertEquals(201, carry(id, 2021, 2022, "400000.00").status());
        assertEquals(List.of("INTERIM 2022 2023-04-30 OPEN", "FINAL 2023 2024-06-30 OPEN"), summary(owed(nw, id)));
        assertEquals(1, events(id, "OBLIGATION_DROPPED").size());
        assertEquals(3, events(id, "OBLIGATION_CREATED").size());
        Map<String, String> dropped = changes(events(id, "OBLIGATION_DROPPED").get(0));
        assertEquals("2021", dropped.get("obligation.periodYear"));
        assertEquals("OPEN→", dropped.get("obligation.status"));
        // adjusting again, as a retry of the transaction would, changes nothing
        adjustAgain(caller, id);
        assertEquals(List.of("INTERIM 2022 2023-04-30 OPEN", "FINAL 2023 2024-06-30 OPEN"), summary(owed(nw, id)));
        assertEquals(3, events(id, "OBLIGATION_CREATED").size());

        // a submitted report stays whatever happens to its year's money
        long interim = owed(nw, id).get(0).get("id").asLong();
        assertEquals(200, submit(nw, id, interim, "Sachbericht 2022").status());
        assertEquals(201, carry(id, 2022, 2023, "400000.00").status());
        assertEquals(List.of("INTERIM 2022 2023-04-30 SUBMITTED", "FINAL 2023 2024-06-30 OPEN"), summary(owed(nw, id)));
        assertEquals(1, events(id, "OBLIGATION_DROPPED").size());
    }

    @Test
    void anAmendmentAdjustsTheReportsAsItsNewSplitDemands() {
        Map<String, Object> tiny = api.application(StateCode.NW);
        tiny.remove("annualPlan");
        tiny.put("startDate", "2021-07-01");
        tiny.put("requestedAmount", "1000.00");
        // 0.01 split by days, 184 of them in 2021 and 365 in 2022, leaves 2021 nothing; 0.02 gives it a cent
        long id = api.approved(fitko, tiny, "0.01");
        assertEquals(List.of("FINAL 2022 2023-06-30 OPEN"), summary(owed(nw, id)));
        Response proposed = api.post(fitko, "/api/applications/" + id + "/amendments", Map.of("newApprovedAmount", "0.02",
                "reason", "Nachbewilligung", "body", "Abteilungsleiterrunde", "meetingDate", "2021-02-01",
                "agendaItem", "TOP 08"));
        assertEquals(201, proposed.status(), proposed.body());
        assertEquals(List.of("FINAL 2022 2023-06-30 OPEN"), summary(owed(nw, id)), "proposed is not in effect");
        long amendment = proposed.json().get("amendment").get("id").asLong();
        Response confirmed = api.post(api.account(Role.FITKO, null),
                "/api/applications/" + id + "/amendments/" + amendment + "/confirm", null);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(List.of("INTERIM 2021 2022-04-30 OPEN", "FINAL 2022 2023-06-30 OPEN"), summary(owed(nw, id)));
    }

    @Test
    void theKeyAllowsOneReportPerKindAndPeriod() {
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        Obligation duplicate = new Obligation(null, id, ObligationKind.INTERIM, 2021, LocalDate.of(2022, 4, 30),
                ObligationStatus.OPEN, Instant.now(), null);

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> transactions.executeWrite(status -> repository.save(duplicate)));

        assertTrue(causes(refused).contains("uq_obligation_period"), causes(refused));
        assertEquals(2, owed(nw, id).size());
    }

    @Test
    void aReportIsSubmittedReturnedSubmittedAgainAndAcceptedAndEveryOtherMoveIsRefusedWithTheAllowedOnes() {
        Account reviewer = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = owed(nw, id).get(0).get("id").asLong();
        String path = "/api/applications/" + id + "/obligations/" + interim;

        assertRefusedMove(api.post(reviewer, path + "/accept", null), "SUBMITTED");
        assertRefusedMove(api.post(reviewer, path + "/return", Map.of("reason", "fehlt")), "SUBMITTED");
        assertEquals(List.of("text"), fields(submit(nw, id, interim, "  ")));
        assertEquals(List.of("text"), fields(api.post(nw, path + "/submission", Map.of())));
        assertEquals(List.of("text"), fields(submit(nw, id, interim, "x".repeat(4001))));

        Response submitted = submit(nw, id, interim, "  Sachbericht 2021 und zahlenmäßiger Nachweis  ");
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("SUBMITTED", submitted.json().get("status").asText());
        assertFalse(submitted.json().get("overdue").asBoolean(), "submitted is not overdue");
        JsonNode first = submitted.json().get("submissions").get(0);
        assertEquals("Sachbericht 2021 und zahlenmäßiger Nachweis", first.get("text").asText());
        assertEquals(nw.username(), first.get("submittedBy").asText());
        assertTrue(first.get("outcome").isNull());

        assertRefusedMove(submit(nw, id, interim, "noch einmal"), "ACCEPTED", "RETURNED");
        assertEquals(List.of("reason"), fields(api.post(reviewer, path + "/return", Map.of("reason", " "))));

        Response returned = api.post(reviewer, path + "/return", Map.of("reason", "Der zahlenmäßige Nachweis fehlt."));
        assertEquals(200, returned.status(), returned.body());
        assertEquals("RETURNED", returned.json().get("status").asText());
        assertTrue(returned.json().get("overdue").asBoolean(), "owed again, and its due date has passed");
        JsonNode review = returned.json().get("submissions").get(0);
        assertEquals("RETURNED", review.get("outcome").asText());
        assertEquals("Der zahlenmäßige Nachweis fehlt.", review.get("reason").asText());
        assertEquals(reviewer.username(), review.get("reviewedBy").asText());
        assertRefusedMove(api.post(reviewer, path + "/accept", null), "SUBMITTED");

        assertEquals(200, submit(nw, id, interim, "mit zahlenmäßigem Nachweis").status());
        Response accepted = api.post(reviewer, path + "/accept", null);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.json().get("status").asText());
        assertEquals(2, accepted.json().get("submissions").size());
        JsonNode second = accepted.json().get("submissions").get(1);
        assertEquals("ACCEPTED", second.get("outcome").asText());
        assertTrue(second.get("reason").isNull());

        assertRefusedMove(submit(nw, id, interim, "zu spät"));
        assertRefusedMove(api.post(reviewer, path + "/accept", null));
        assertRefusedMove(api.post(reviewer, path + "/return", Map.of("reason", "doch nicht")));

        assertEquals(2, events(id, "OBLIGATION_SUBMITTED").size());
        assertEquals(1, events(id, "OBLIGATION_RETURNED").size());
        assertEquals(1, events(id, "OBLIGATION_ACCEPTED").size());
        Map<String, String> returnedEvent = changes(events(id, "OBLIGATION_RETURNED").get(0));
        assertEquals("SUBMITTED→RETURNED", returnedEvent.get("obligation.status"));
        assertEquals("Der zahlenmäßige Nachweis fehlt.", returnedEvent.get("submission.returnReason"));
        assertEquals(nw.username(), returnedEvent.get("submission.submittedBy"));
    }

    @Test
    void statesSubmitTheirOwnFitkoReviewsFinanceReadsAndAnotherStateSeesNothing() {
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        JsonNode owed = owed(nw, id);
        long interim = owed.get(0).get("id").asLong();
        String path = "/api/applications/" + id + "/obligations/" + interim;
        Account st = api.account(Role.STATE, StateCode.ST);
        Account finance = api.account(Role.FINANCE, null);
        Account admin = api.account(Role.ADMIN, null);

        assertEquals(404, api.get(st, "/api/applications/" + id + "/obligations").status());
        assertEquals(404, submit(st, id, interim, "fremd").status());
        // the role is refused before anything is looked up, as for decisions: nothing about NW's report shows
        assertEquals(403, api.post(st, path + "/accept", null).status());
        assertEquals(403, submit(finance, id, interim, "Finanzen").status());
        assertEquals(403, api.get(admin, "/api/applications/" + id + "/obligations").status());
        assertEquals(403, api.get(admin, "/api/obligations").status());
        assertEquals(401, api.send("GET", "/api/obligations", null, null, Map.of()).status());
        assertEquals(200, api.get(finance, "/api/applications/" + id + "/obligations").status());
        assertEquals(404, submit(nw, id, Long.MAX_VALUE, "unbekannt").status());
        long other = api.approved(fitko, StateCode.NW, "1011500.00");
        assertEquals(404, submit(nw, other, interim, "anderer Antrag").status(), "a report of another application");

        assertEquals(200, submit(nw, id, interim, "Sachbericht").status());
        assertEquals(403, api.post(nw, path + "/accept", null).status());
        assertEquals(403, api.post(nw, path + "/return", Map.of("reason", "selbst")).status());
        assertEquals(403, api.post(finance, path + "/accept", null).status());
        assertEquals("SUBMITTED", owed(finance, id).get(0).get("status").asText());

        // the work list: a state's own reports only, whatever it asks for
        List<JsonNode> ownOnly = all(nw, "ownerState=ST");
        assertTrue(ownOnly.stream().allMatch(row -> row.get("ownerState").asText().equals("NW")), ownOnly.toString());
        List<JsonNode> foreign = all(st, "");
        assertTrue(foreign.stream().noneMatch(row -> row.get("applicationId").asLong() == id), "NW's report in ST's list");
        assertTrue(all(finance, "status=SUBMITTED&ownerState=NW").stream()
                .anyMatch(row -> row.get("id").asLong() == interim), "FINANCE reads the work list");
        assertEquals(400, api.get(fitko, "/api/obligations?status=LATE").status());
        assertEquals(400, api.get(fitko, "/api/obligations?page=-1").status());
        assertEquals(422, api.get(fitko, "/api/obligations?dueBefore=1900-01-01").status());
    }

    @Test
    void whoeverSubmittedForTheStateMayReturnButNotAcceptIt() {
        Account other = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = owed(nw, id).get(0).get("id").asLong();
        String path = "/api/applications/" + id + "/obligations/" + interim;

        assertEquals(200, submit(fitko, id, interim, "per Post eingegangen, von FITKO erfasst").status());
        Response own = api.post(fitko, path + "/accept", null);
        assertEquals(403, own.status(), own.body());
        assertEquals("SUBMITTED", owed(nw, id).get(0).get("status").asText());
        assertEquals(200, api.post(fitko, path + "/return", Map.of("reason", "Unterschrift fehlt")).status());
        assertEquals(200, submit(fitko, id, interim, "mit Unterschrift").status());
        assertEquals(200, api.post(other, path + "/accept", null).status());
    }

    @Test
    void sixteenParallelReviewsOfOneSubmissionOneWins() throws Exception {
        Account accepting = api.account(Role.FITKO, null);
        Account returning = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        long interim = owed(nw, id).get(0).get("id").asLong();
        String path = "/api/applications/" + id + "/obligations/" + interim;
        assertEquals(200, submit(nw, id, interim, "Sachbericht").status());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                boolean accept = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    return (accept ? api.post(accepting, path + "/accept", null)
                            : api.post(returning, path + "/return", Map.of("reason", "Nachweis fehlt"))).status();
                }));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(PARALLEL - 1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        JsonNode report = owed(nw, id).get(0);
        assertEquals(1, report.get("submissions").size());
        assertEquals(report.get("status").asText(), report.get("submissions").get(0).get("outcome").asText());
        assertEquals(1, events(id, "OBLIGATION_ACCEPTED").size() + events(id, "OBLIGATION_RETURNED").size());
    }

    /** Runtime 2021–2023 planned with nothing in 2022. */
    private Map<String, Object> gapYear() {
        Map<String, Object> application = api.application(StateCode.NW);
        application.put("endDate", "2023-12-31");
        application.put("requestedAmount", "1000000.00");
        application.put("annualPlan", List.of(Map.of("year", 2021, "amount", "400000.00"),
                Map.of("year", 2022, "amount", "0.00"), Map.of("year", 2023, "amount", "600000.00")));
        return application;
    }

    private Response carry(long id, int fromYear, int toYear, String amount) {
        return api.post(fitko, "/api/applications/" + id + "/carry-overs", Map.of("fromYear", fromYear, "toYear", toYear,
                "amount", amount, "reason", "Vergabe verzögert"));
    }

    /** The adjustment run once more in a transaction of its own, under the application's lock. */
    private void adjustAgain(Caller caller, long id) {
        transactions.executeWrite(status -> {
            FundingApplication application = applications.lockForChange(caller, id, null, "adjust", Role.FITKO);
            obligations.adjust(caller, application);
            return null;
        });
    }

    private Response submit(Account account, long applicationId, long obligationId, String text) {
        return api.post(account, "/api/applications/" + applicationId + "/obligations/" + obligationId + "/submission",
                Map.of("text", text));
    }

    private JsonNode owed(Account account, long applicationId) {
        Response response = api.get(account, "/api/applications/" + applicationId + "/obligations");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private List<JsonNode> all(Account account, String query) {
        return api.pages(account, "/api/obligations?" + query);
    }

    private static List<String> summary(JsonNode obligations) {
        return StreamSupport.stream(obligations.spliterator(), false)
                .map(o -> o.get("kind").asText() + " " + o.get("periodYear").asInt() + " " + o.get("dueDate").asText()
                        + " " + o.get("status").asText())
                .toList();
    }

    private List<JsonNode> events(long applicationId, String action) {
        return StreamSupport.stream(api.get(fitko, "/api/applications/" + applicationId + "/history").json().spliterator(), false)
                .filter(event -> event.get("action").asText().equals(action)).toList();
    }

    /** An event's changes as field → "old→new" (absent values empty), or just the new value where there was no old one to name. */
    private static Map<String, String> changes(JsonNode event) {
        Map<String, String> changes = new LinkedHashMap<>();
        event.get("changes").forEach(change -> {
            String oldValue = change.get("oldValue").isNull() ? "" : change.get("oldValue").asText();
            String newValue = change.get("newValue").isNull() ? "" : change.get("newValue").asText();
            boolean status = change.get("field").asText().equals("obligation.status");
            changes.put(change.get("field").asText(), status ? oldValue + "→" + newValue : newValue);
        });
        return changes;
    }

    private static void assertRefusedMove(Response response, String... allowed) {
        assertEquals(409, response.status(), response.body());
        List<String> named = new ArrayList<>();
        response.json().get("allowedStatuses").forEach(status -> named.add(status.asText()));
        assertEquals(List.of(allowed), named, response.body());
    }

    private static List<String> fields(Response response) {
        assertEquals(422, response.status(), response.body());
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
