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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Envelopes through the API: who may set and read them, the rules of their fields, their figures to
 * the cent against SQL over the year parts, their history in the audit chain, and lowering one
 * below what is committed.
 */
@MicronautTest(transactional = false)
class EnvelopeApiTest {

    static final String DIGITAL = "DIGITALISATION_BUDGET";
    static final String STIMULUS = "STIMULUS_PACKAGE";

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

    static String path(String source, int year) {
        return "/api/budget/envelopes/" + source + "/" + year;
    }

    static Map<String, Object> envelope(String amount, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("reason", reason);
        return body;
    }

    static Map<String, Object> overCommitted(Map<String, Object> body, String reason) {
        body.put("overCommitment", Map.of("reason", reason));
        return body;
    }

    @Test
    void onlyFinanceSetsAnEnvelopeAndAStateReadsNone() {
        int year = api.unusedYears(1);
        Map<String, Object> body = envelope("1000000.00", "Aufteilung nach TOP 07");
        for (Account other : List.of(fitko, api.account(Role.STATE, StateCode.NW), api.account(Role.ADMIN, null))) {
            assertEquals(403, api.put(other, path(DIGITAL, year), body, Map.of()).status(), other.role().name());
        }
        Response set = api.put(finance, path(DIGITAL, year), body, Map.of());
        assertEquals(200, set.status(), set.body());

        for (Account reader : List.of(finance, fitko)) {
            assertEquals(200, api.get(reader, path(DIGITAL, year)).status());
            assertEquals(200, api.get(reader, "/api/budget/envelopes?year=" + year).status());
            assertEquals(200, api.get(reader, path(DIGITAL, year) + "/history").status());
        }
        for (Account other : List.of(api.account(Role.STATE, StateCode.NW), api.account(Role.ADMIN, null))) {
            assertEquals(403, api.get(other, path(DIGITAL, year)).status());
            assertEquals(403, api.get(other, "/api/budget/envelopes").status());
            assertEquals(403, api.get(other, path(DIGITAL, year) + "/history").status());
        }
        assertEquals(404, api.get(fitko, path(STIMULUS, year)).status(), "never set");
        assertEquals(404, api.get(fitko, path(STIMULUS, year) + "/history").status());
    }

    @Test
    void theFieldsFollowTheRulesOfAmountsReasonsAndYears() {
        int year = api.unusedYears(1);
        assertRefused(path(DIGITAL, year), envelope("-1.00", "Kürzung"), "amount", "amount.negative");
        assertRefused(path(DIGITAL, year), envelope("1.005", "Kürzung"), "amount", "amount.scale");
        assertRefused(path(DIGITAL, year), envelope("1000000000000.00", "Kürzung"), "amount", "amount.tooLarge");
        assertRefused(path(DIGITAL, year), envelope("1.00", "  "), "reason", "required");
        assertRefused(path(DIGITAL, year), envelope("1.00", "x".repeat(1001)), "reason", "text.maxLength");
        Map<String, Object> noAmount = envelope("1.00", "Kürzung");
        noAmount.remove("amount");
        assertRefused(path(DIGITAL, year), noAmount, "amount", "required");
        assertRefused(path(DIGITAL, 1989), envelope("1.00", "Kürzung"), "year", "date.calendar");
        assertRefused(path(DIGITAL, 2101), envelope("1.00", "Kürzung"), "year", "date.calendar");
        assertRefused(path(DIGITAL, year), overCommitted(envelope("1.00", "Kürzung"), ""), "overCommitment.reason", "required");
        assertEquals(400, api.put(finance, path("PIGGY_BANK", year), envelope("1.00", "Kürzung"), Map.of()).status());
        assertEquals(404, api.get(fitko, path(DIGITAL, year)).status(), "nothing refused was stored");

        Response zero = api.put(finance, path(DIGITAL, year), envelope("0", "Keine Mittel in diesem Jahr"), Map.of());
        assertEquals(200, zero.status(), zero.body());
        assertEquals("0.00", zero.json().get("amount").decimalValue().toPlainString());
        Response maximum = api.put(finance, path(DIGITAL, year), envelope("999999999999.99", "Obergrenze"), Map.of());
        assertEquals(200, maximum.status(), maximum.body());
    }

    @Test
    void committedPaidAndAvailableEqualSqlOverTheYearPartsToTheCent() {
        int year = api.unusedYears(2);
        Response set = api.put(finance, path(DIGITAL, year), envelope("10000000.00", "Mittelrahmen laut TOP 07"), Map.of());
        assertEquals(200, set.status(), set.body());
        assertEquals(200, api.put(finance, path(STIMULUS, year + 1), envelope("500.01", "Konjunkturpaket"), Map.of()).status());
        JsonNode before = set.json();
        assertEquals("0.00", before.get("committed").decimalValue().toPlainString());
        assertEquals("10000000.00", before.get("available").decimalValue().toPlainString());

        // amounts whose split over the days leaves odd cents in both years
        List<String> amounts = List.of("1234567.89", "333333.33", "0.07", "1011500.00");
        for (String amount : amounts) {
            api.approved(fitko, api.application(StateCode.HE, year, year + 1, amount), amount);
        }
        Map<String, Object> stimulus = api.application(StateCode.BY, year + 1, year + 1, "400.00");
        stimulus.put("fundingSource", STIMULUS);
        api.approved(fitko, stimulus, "400.00");
        // submitted, not approved: part of no envelope
        api.filed(api.application(StateCode.HE, year, year, "5000.00"));

        JsonNode envelope = api.get(finance, path(DIGITAL, year)).json();
        BigDecimal committed = sql.committed(DIGITAL, year);
        assertEquals(committed, envelope.get("committed").decimalValue());
        assertEquals(sql.keptTotal(DIGITAL, year), committed);
        assertEquals(new BigDecimal("10000000.00").subtract(committed), envelope.get("available").decimalValue());
        assertEquals(sql.paid(DIGITAL, year), envelope.get("paid").decimalValue());
        assertTrue(committed.signum() > 0 && committed.compareTo(new BigDecimal("2579401.29")) < 0, committed.toPlainString());
        assertEquals("Mittelrahmen laut TOP 07", envelope.get("reason").asText());
        assertEquals(finance.username(), envelope.get("setBy").asText());

        JsonNode both = api.get(fitko, "/api/budget/envelopes?year=" + (year + 1)).json();
        assertEquals(1, both.size(), "only set envelopes are listed");
        assertEquals(STIMULUS, both.get(0).get("fundingSource").asText());
        assertEquals("400.00", both.get(0).get("committed").decimalValue().toPlainString());
        assertEquals("100.01", both.get(0).get("available").decimalValue().toPlainString());
        assertEquals(0, api.get(fitko, "/api/budget/envelopes?year=" + (year + 1) + "&fundingSource=" + DIGITAL).json().size());
        assertEquals(1, api.get(fitko, "/api/budget/envelopes?year=" + year + "&fundingSource=" + DIGITAL).json().size());

        // the two years of the split add up to the approved amounts
        BigDecimal sum = amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(sum, sql.committed(DIGITAL, year).add(sql.committed(DIGITAL, year + 1)));
        assertEquals(422, api.get(fitko, "/api/budget/envelopes?year=3000").status());
    }

    @Test
    void everySettingIsInTheEnvelopesHistoryAndTheChainStaysIntact() {
        int year = api.unusedYears(1);
        api.put(finance, path(DIGITAL, year), envelope("2000000.00", "Erster Ansatz"), Map.of());
        Account second = api.account(Role.FINANCE, null);
        api.put(second, path(DIGITAL, year), envelope("2500000.50", "Nachtragshaushalt"), Map.of());

        JsonNode history = api.get(fitko, path(DIGITAL, year) + "/history").json();
        assertEquals(2, history.size(), history.toString());
        assertEquals("ENVELOPE_SET", history.get(0).get("action").asText());
        assertEquals(finance.username(), history.get(0).get("actor").asText());
        assertEquals("FINANCE", history.get(0).get("actorRole").asText());
        assertEquals(Map.of("amount", pair(null, "2000000.00"), "reason", pair(null, "Erster Ansatz")), changes(history.get(0)));
        assertEquals(second.username(), history.get(1).get("actor").asText());
        assertEquals(Map.of("amount", pair("2000000.00", "2500000.50"), "reason", pair("Erster Ansatz", "Nachtragshaushalt")),
                changes(history.get(1)));
        assertTrue(api.get(fitko, "/api/audit/verify").json().get("intact").asBoolean());
    }

    @Test
    void loweringBelowWhatIsCommittedNeedsAReasonAndIsThenRecordedAndListed() {
        int year = api.unusedYears(1);
        api.put(finance, path(DIGITAL, year), envelope("1000000.00", "Erster Ansatz"), Map.of());
        long id = api.approved(fitko, api.application(StateCode.SN, year, year, "800000.00"), "800000.00");

        Response refused = api.put(finance, path(DIGITAL, year), envelope("600000.00", "Kürzung"), Map.of());
        assertEquals(409, refused.status(), refused.body());
        JsonNode error = refused.json().get("errors").get(0);
        assertEquals("fundingSource", error.get("field").asText());
        assertEquals("envelope.exceeded", error.get("code").asText());
        assertEquals(List.of(DIGITAL, String.valueOf(year), "600000.00", "800000.00", "200000.00"), texts(error.get("arguments")));
        assertEquals("1000000.00", api.get(fitko, path(DIGITAL, year)).json().get("amount").decimalValue().toPlainString(),
                "a refusal changes nothing");
        assertEquals(1, api.get(fitko, path(DIGITAL, year) + "/history").json().size());

        // down to exactly what is committed needs no reason
        assertEquals(200, api.put(finance, path(DIGITAL, year), envelope("800000.00", "Kürzung"), Map.of()).status());
        Response lowered = api.put(finance, path(DIGITAL, year),
                overCommitted(envelope("700000.00", "Haushaltssperre"), "Bewilligt vor der Sperre, Vorgriff auf 2043"), Map.of());
        assertEquals(200, lowered.status(), lowered.body());
        assertEquals("-100000.00", lowered.json().get("available").decimalValue().toPlainString());

        List<Map<String, Object>> recorded = sql.overCommitments(DIGITAL, year);
        assertEquals(1, recorded.size());
        assertNull(recorded.get(0).get("application_id"));
        assertEquals("ENVELOPE", recorded.get(0).get("cause"));
        assertEquals(new BigDecimal("700000.00"), recorded.get(0).get("envelope_amount"));
        assertEquals(new BigDecimal("800000.00"), recorded.get(0).get("committed"));
        assertEquals(new BigDecimal("100000.00"), recorded.get(0).get("shortfall"));
        assertEquals(finance.username(), recorded.get(0).get("recorded_by"));

        JsonNode history = api.get(fitko, path(DIGITAL, year) + "/history").json();
        assertEquals(List.of("ENVELOPE_SET", "ENVELOPE_SET", "ENVELOPE_SET", "OVER_COMMITTED"), actions(history));
        assertEquals("Bewilligt vor der Sperre, Vorgriff auf 2043", changes(history.get(3)).get("overCommitment.reason").get(1));

        // raising it, even while it stays exceeded, needs none
        assertEquals(200, api.put(finance, path(DIGITAL, year), envelope("750000.00", "Teilfreigabe"), Map.of()).status());

        for (Account reader : List.of(fitko, finance)) {
            JsonNode finding = finding(reader, DIGITAL + "/" + year);
            assertEquals("committed 800000.00 EUR exceed the envelope of 750000.00 EUR by 50000.00 EUR; reasons recorded: "
                    + "ENVELOPE: Bewilligt vor der Sperre, Vorgriff auf 2043", finding.get("reason").asText());
            assertEquals(path(DIGITAL, year), finding.get("link").asText());
        }
        Account state = api.applicant(StateCode.SN);
        assertTrue(findings(state).stream().noneMatch(f -> f.get("kind").asText().equals("ENVELOPE_OVERCOMMITTED")),
                "federal budget figures are not a state's");
        assertEquals(200, api.get(state, "/api/applications/" + id).status());
    }

    private void assertRefused(String path, Map<String, Object> body, String field, String code) {
        Response refused = api.put(finance, path, body, Map.of());
        assertEquals(422, refused.status(), refused.body());
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asText() + " " + error.get("code").asText()));
        assertTrue(fields.contains(field + " " + code), fields.toString());
    }

    JsonNode finding(Account reader, String title) {
        return findings(reader).stream().filter(f -> f.get("kind").asText().equals("ENVELOPE_OVERCOMMITTED")
                && f.get("title").asText().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no finding " + title));
    }

    List<JsonNode> findings(Account reader) {
        List<JsonNode> findings = new ArrayList<>();
        api.get(reader, "/api/data-quality").json().forEach(findings::add);
        return findings;
    }

    static List<String> pair(String old, String value) {
        List<String> pair = new ArrayList<>();
        pair.add(old);
        pair.add(value);
        return pair;
    }

    static Map<String, List<String>> changes(JsonNode event) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        event.get("changes").forEach(change -> changes.put(change.get("field").asText(), pair(
                change.get("oldValue").isNull() ? null : change.get("oldValue").asText(),
                change.get("newValue").isNull() ? null : change.get("newValue").asText())));
        return changes;
    }

    static List<String> actions(JsonNode history) {
        List<String> actions = new ArrayList<>();
        history.forEach(event -> actions.add(event.get("action").asText()));
        return actions;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
