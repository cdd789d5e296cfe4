package de.foerderregister.budget;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.foerderregister.budget.EnvelopeApiTest.DIGITAL;
import static de.foerderregister.budget.EnvelopeApiTest.actions;
import static de.foerderregister.budget.EnvelopeApiTest.changes;
import static de.foerderregister.budget.EnvelopeApiTest.envelope;
import static de.foerderregister.budget.EnvelopeApiTest.path;
import static de.foerderregister.budget.EnvelopeApiTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change that raises approved shares answers to the envelopes of the years it raises: a
 * decision, a meeting's batch (item by item, all or nothing), an amendment taking effect at once or
 * confirmed, a carry-over and an import's transcribed decision. Refused with 409 naming the
 * shortfall and changing nothing, or taken with a reason that is recorded, audited and listed.
 */
@MicronautTest(transactional = false)
class OverCommitmentTest {

    static final String REASON = "Vorgriff auf den Nachtragshaushalt";

    @Inject
    TestApi api;

    @Inject
    BudgetSql sql;

    Account finance;
    Account fitko;

    @BeforeEach
    void accounts() {
        finance = api.account(Role.FINANCE, null);
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void aDecisionBeyondTheEnvelopeIsRefusedNamingTheShortfallAndChangesNothing() {
        int year = api.unusedYears(1);
        setEnvelope(year, "1000000.00");
        long fits = api.approved(fitko, api.application(StateCode.NW, year, year, "600000.00"), "600000.00");
        long over = api.filed(api.application(StateCode.NW, year, year, "500000.00"));

        Response refused = api.post(fitko, "/api/applications/" + over + "/decision", api.decision("APPROVED", "400000.01"));

        assertShortfall(refused, "fundingSource", year, "1000000.00", "1000000.01", "0.01");
        JsonNode application = api.get(fitko, "/api/applications/" + over).json();
        assertEquals("SUBMITTED", application.get("status").asText());
        assertEquals(0, api.get(fitko, "/api/applications/" + over + "/decisions").json().size());
        assertEquals(new BigDecimal("600000.00"), sql.committed(DIGITAL, year));
        assertEquals(sql.committed(DIGITAL, year), sql.keptTotal(DIGITAL, year));
        assertEquals(List.of(), sql.overCommitments(DIGITAL, year));

        Response exactly = api.post(fitko, "/api/applications/" + over + "/decision", api.decision("APPROVED", "400000.00"));
        assertEquals(200, exactly.status(), "up to the envelope's last cent: " + exactly.body());
        assertEquals(List.of(), sql.overCommitments(DIGITAL, year));
        assertEquals(200, api.get(fitko, "/api/applications/" + fits).status());
        // a rejection or return raises nothing
        long rejected = api.filed(api.application(StateCode.NW, year, year, "1.00"));
        assertEquals(200, api.post(fitko, "/api/applications/" + rejected + "/decision", api.decision("REJECTED", null)).status());
    }

    @Test
    void aDecisionWithAReasonIsTakenRecordedAuditedAndListed() {
        int year = api.unusedYears(1);
        setEnvelope(year, "100000.00");
        long id = api.filed(api.application(StateCode.BB, year, year, "150000.00"));

        Map<String, Object> decision = api.decision("APPROVED", "150000.00");
        decision.put("overCommitment", Map.of("reason", ""));
        assertEquals(422, api.post(fitko, "/api/applications/" + id + "/decision", decision).status());
        decision.put("overCommitment", Map.of("reason", "  " + REASON + " "));
        Response taken = api.post(fitko, "/api/applications/" + id + "/decision", decision);

        assertEquals(200, taken.status(), taken.body());
        List<Map<String, Object>> recorded = sql.overCommitments(DIGITAL, year);
        assertEquals(1, recorded.size());
        Map<String, Object> row = recorded.get(0);
        assertEquals(id, ((Number) row.get("application_id")).longValue());
        assertEquals("DECISION", row.get("cause"));
        assertEquals(REASON, row.get("reason"));
        assertEquals(new BigDecimal("100000.00"), row.get("envelope_amount"));
        assertEquals(new BigDecimal("150000.00"), row.get("committed"));
        assertEquals(new BigDecimal("50000.00"), row.get("shortfall"));
        assertEquals(fitko.username(), row.get("recorded_by"));

        JsonNode history = api.get(fitko, "/api/applications/" + id + "/history").json();
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "OVER_COMMITTED"), actions(history));
        Map<String, List<String>> details = changes(history.get(3));
        assertEquals("DECISION", details.get("overCommitment.cause").get(1));
        assertEquals(REASON, details.get("overCommitment.reason").get(1));
        assertEquals("50000.00", details.get("envelope." + DIGITAL + "/" + year + ".shortfall").get(1));
        assertTrue(api.get(fitko, "/api/audit/verify").json().get("intact").asBoolean());

        JsonNode finding = finding(DIGITAL + "/" + year);
        assertEquals("committed 150000.00 EUR exceed the envelope of 100000.00 EUR by 50000.00 EUR; reasons recorded: "
                + "DECISION: " + REASON, finding.get("reason").asText());

        // once the envelope is raised to cover it, the finding goes
        setEnvelope(year, "150000.00");
        assertTrue(findings().stream().noneMatch(f -> f.get("title").asText().equals(DIGITAL + "/" + year)));
    }

    @Test
    void aBatchNamesEveryItemThatOvershootsCountingTheItemsBeforeItAndDecidesNothing() {
        int year = api.unusedYears(1);
        setEnvelope(year, "2500000.00");
        long first = api.filed(api.application(StateCode.HE, year, year, "1000000.00"));
        long second = api.filed(api.application(StateCode.HE, year, year, "1000000.00"));
        long third = api.filed(api.application(StateCode.HE, year, year, "1000000.00"));
        long rejected = api.filed(api.application(StateCode.HE, year, year, "1000000.00"));
        long fourth = api.filed(api.application(StateCode.HE, year, year, "1000000.00"));
        Map<String, Object> batch = batch(List.of(item(first, "APPROVED", "1000000.00"), item(second, "APPROVED", "1000000.00"),
                item(third, "APPROVED", "1000000.00"), item(rejected, "REJECTED", null), item(fourth, "APPROVED", "0.01")));

        Response refused = api.post(fitko, "/api/decisions", batch);

        assertEquals(409, refused.status(), refused.body());
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("items[2].fundingSource", "items[4].fundingSource"), fields);
        assertEquals(List.of(DIGITAL, String.valueOf(year), "2500000.00", "3000000.00", "500000.00"),
                texts(refused.json().get("errors").get(0).get("arguments")));
        assertEquals(List.of(DIGITAL, String.valueOf(year), "2500000.00", "3000000.01", "500000.01"),
                texts(refused.json().get("errors").get(1).get("arguments")));
        for (long id : List.of(first, second, third, rejected, fourth)) {
            assertEquals("SUBMITTED", api.get(fitko, "/api/applications/" + id).json().get("status").asText());
        }
        assertEquals(new BigDecimal("0.00"), sql.committed(DIGITAL, year));
        assertEquals(sql.committed(DIGITAL, year), sql.keptTotal(DIGITAL, year));

        batch.put("overCommitment", Map.of("reason", REASON));
        Response taken = api.post(fitko, "/api/decisions", batch);
        assertEquals(201, taken.status(), taken.body());
        List<Map<String, Object>> recorded = sql.overCommitments(DIGITAL, year);
        assertEquals(List.of(third, fourth), recorded.stream().map(row -> ((Number) row.get("application_id")).longValue()).toList());
        assertTrue(recorded.stream().allMatch(row -> "BATCH".equals(row.get("cause"))));
        assertEquals(new BigDecimal("3000000.01"), sql.committed(DIGITAL, year));
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "OVER_COMMITTED"),
                actions(api.get(fitko, "/api/applications/" + fourth + "/history").json()));
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED"),
                actions(api.get(fitko, "/api/applications/" + first + "/history").json()));
    }

    @Test
    void anAmendmentTakingEffectAtOnceAnswersToTheEnvelopeAndACutAlwaysPasses() {
        int year = api.unusedYears(1);
        setEnvelope(year, "820000.00");
        long id = api.approved(fitko, api.application(StateCode.SN, year, year, "800000.00"), "800000.00");

        // +6.25 %, +50 000: below both four-eyes thresholds, so it would take effect at once
        Response refused = api.post(fitko, "/api/applications/" + id + "/amendments", amendment("850000.00"));
        assertShortfall(refused, "fundingSource", year, "820000.00", "850000.00", "30000.00");
        assertEquals("800000.00", api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").decimalValue().toPlainString());
        assertEquals(0, api.get(fitko, "/api/applications/" + id + "/amendments").json().size());

        Map<String, Object> withReason = amendment("850000.00");
        withReason.put("overCommitment", Map.of("reason", REASON));
        Response taken = api.post(fitko, "/api/applications/" + id + "/amendments", withReason);
        assertEquals(201, taken.status(), taken.body());
        assertEquals(List.of("AMENDMENT"), sql.overCommitments(DIGITAL, year).stream().map(row -> row.get("cause")).toList());

        // the year stays over its envelope, but a cut lowers what is committed: no reason needed
        Response cut = api.post(fitko, "/api/applications/" + id + "/amendments", amendment("840000.00"));
        assertEquals(201, cut.status(), cut.body());
        assertEquals(1, sql.overCommitments(DIGITAL, year).size());
        assertEquals(new BigDecimal("840000.00"), sql.committed(DIGITAL, year));
    }

    @Test
    void aProposedRaiseAnswersWhenItIsConfirmed() {
        int year = api.unusedYears(1);
        setEnvelope(year, "900000.00");
        long id = api.approved(fitko, api.application(StateCode.ST, year, year, "800000.00"), "800000.00");

        Response proposed = api.post(fitko, "/api/applications/" + id + "/amendments", amendment("1000000.00"));
        assertEquals(201, proposed.status(), proposed.body());
        assertEquals("PROPOSED", proposed.json().get("amendment").get("state").asText(), proposed.body());
        long amendment = proposed.json().get("amendment").get("id").asLong();
        Account second = api.account(Role.FITKO, null);
        String confirm = "/api/applications/" + id + "/amendments/" + amendment + "/confirm";

        assertShortfall(api.post(second, confirm, null), "fundingSource", year, "900000.00", "1000000.00", "100000.00");
        assertShortfall(api.post(second, confirm, Map.of()), "fundingSource", year, "900000.00", "1000000.00", "100000.00");
        assertEquals("800000.00", api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").decimalValue().toPlainString());
        assertEquals(422, api.post(second, confirm, Map.of("overCommitment", Map.of("reason", " "))).status());

        Response confirmed = api.post(second, confirm, Map.of("overCommitment", Map.of("reason", REASON)));
        assertEquals(200, confirmed.status(), confirmed.body());
        List<Map<String, Object>> recorded = sql.overCommitments(DIGITAL, year);
        assertEquals(1, recorded.size());
        assertEquals("AMENDMENT", recorded.get(0).get("cause"));
        assertEquals(second.username(), recorded.get(0).get("recorded_by"));
        assertEquals(new BigDecimal("100000.00"), recorded.get(0).get("shortfall"));
    }

    @Test
    void aCarryOverAnswersToTheReceivingYearsEnvelope() {
        int year = api.unusedYears(2);
        long id = api.approved(fitko, api.application(StateCode.TH, year, year + 1, "1000000.00"), "1000000.00");
        // split over the days, which differ where one of the years is a leap year
        BigDecimal receiving = api.get(fitko, "/api/applications/" + id + "/years").json().get(1).get("approved").decimalValue();
        BigDecimal amount = receiving.add(new BigDecimal("100000.00"));
        setEnvelope(year + 1, amount.toPlainString());
        String carryOvers = "/api/applications/" + id + "/carry-overs";

        Response refused = api.post(fitko, carryOvers, carryOver(year, year + 1, "100000.01"));
        assertShortfall(refused, "fundingSource", year + 1, amount.toPlainString(),
                amount.add(new BigDecimal("0.01")).toPlainString(), "0.01");
        assertEquals(0, api.get(fitko, carryOvers).json().size());

        Map<String, Object> withReason = carryOver(year, year + 1, "100000.01");
        withReason.put("overCommitment", Map.of("reason", REASON));
        Response taken = api.post(fitko, carryOvers, withReason);
        assertEquals(201, taken.status(), taken.body());
        List<Map<String, Object>> recorded = sql.overCommitments(DIGITAL, year + 1);
        assertEquals(1, recorded.size());
        assertEquals("CARRY_OVER", recorded.get(0).get("cause"));
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "CARRIED_OVER", "OVER_COMMITTED"),
                actions(api.get(fitko, "/api/applications/" + id + "/history").json()));
        // the giving year has no envelope and lost money: nothing to answer for there
        assertEquals(List.of(), sql.overCommitments(DIGITAL, year));
    }

    @Test
    void anImportedApprovalBeyondTheEnvelopeRefusesItsRowOnly() {
        int year = api.unusedYears(1);
        setEnvelope(year, "1500.00");
        String marker = api.unique("Mittelrahmen");
        String file = String.join("\n",
                "title,owner_state,type,start_date,end_date,requested_amount_eur,status,decision_body,decision_date,agenda_item,notes",
                "Erster " + marker + ",HE,RI," + year + "-01-01," + year + "-12-31,1000.00,APPROVED,Abteilungsleiterrunde,2021-01-19,TOP 08,",
                "Zweiter " + marker + ",HE,RI," + year + "-01-01," + year + "-12-31,1000.00,APPROVED,Abteilungsleiterrunde,2021-01-19,TOP 08,",
                "");

        Response imported = api.send("POST", "/api/imports/applications", fitko.token(), file, Map.of("Content-Type", "text/csv"));

        assertEquals(200, imported.status(), imported.body());
        JsonNode rows = imported.json().get("rows");
        assertEquals("CREATED", rows.get(0).get("status").asText(), rows.toString());
        assertEquals("ERROR", rows.get(1).get("status").asText(), rows.toString());
        JsonNode error = rows.get(1).get("errors").get(0);
        assertEquals("funding_source", error.get("field").asText(), error.toString());
        assertEquals("envelope.exceeded", error.get("code").asText());
        assertEquals(List.of(DIGITAL, String.valueOf(year), "1500.00", "2000.00", "500.00"), texts(error.get("arguments")));
        assertEquals(0, api.get(fitko, "/api/applications?q=Zweiter%20" + marker).json().get("totalSize").asLong(),
                "the refused row left no application behind");
        assertEquals(new BigDecimal("1000.00"), sql.committed(DIGITAL, year));
    }

    private void setEnvelope(int year, String amount) {
        Response set = api.put(finance, path(DIGITAL, year), envelope(amount, "Mittelrahmen für den Test"), Map.of());
        assertEquals(200, set.status(), set.body());
    }

    static void assertShortfall(Response refused, String field, int year, String amount, String committed, String shortfall) {
        assertEquals(409, refused.status(), refused.body());
        JsonNode errors = refused.json().get("errors");
        assertEquals(1, errors.size(), refused.body());
        assertEquals(field, errors.get(0).get("field").asText());
        assertEquals("envelope.exceeded", errors.get(0).get("code").asText());
        assertEquals(List.of(DIGITAL, String.valueOf(year), amount, committed, shortfall), texts(errors.get(0).get("arguments")));
        assertTrue(errors.get(0).get("message").asText().contains(shortfall), errors.toString());
    }

    static Map<String, Object> amendment(String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newApprovedAmount", amount);
        body.put("reason", "Ausweitung auf weitere Landkreise");
        body.put("body", "Abteilungsleiterrunde");
        body.put("meetingDate", "2021-03-02");
        body.put("agendaItem", "TOP 04");
        return body;
    }

    static Map<String, Object> carryOver(int from, int to, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromYear", from);
        body.put("toYear", to);
        body.put("amount", amount);
        body.put("reason", "Verzögerte Vergabe");
        return body;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", "IT-Planungsrat");
        body.put("meetingDate", "2021-06-23");
        body.put("agendaItem", "TOP 07");
        body.put("kind", "RESOLUTION");
        body.put("items", items);
        return body;
    }

    private static Map<String, Object> item(long id, String outcome, String amount) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("applicationId", id);
        item.put("outcome", outcome);
        if (amount != null) {
            item.put("approvedAmount", amount);
        }
        return item;
    }

    private JsonNode finding(String title) {
        return findings().stream().filter(f -> f.get("kind").asText().equals("ENVELOPE_OVERCOMMITTED")
                && f.get("title").asText().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no finding " + title));
    }

    private List<JsonNode> findings() {
        List<JsonNode> findings = new ArrayList<>();
        api.get(fitko, "/api/data-quality").json().forEach(findings::add);
        return findings;
    }
}
