package de.foerderregister.decision;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static de.foerderregister.decision.DecisionApiTest.changes;
import static de.foerderregister.decision.DecisionApiTest.fields;
import static de.foerderregister.decision.DecisionApiTest.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AmendmentApiTest {

    @Inject
    TestApi api;

    Account fitko;
    Account secondFitko;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        secondFitko = api.account(Role.FITKO, null);
    }

    @Test
    void aSmallChangeTakesEffectAtOnce() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        Response amended = amend(fitko, id, Map.of("newApprovedAmount", "1050000.00"));

        assertEquals(201, amended.status(), amended.body());
        JsonNode line = amended.json().get("amendment");
        assertEquals("EFFECTIVE", line.get("state").asText());
        assertEquals("1011500.00", line.get("previousAmount").decimalValue().toPlainString());
        assertEquals("1050000.00", line.get("netAmount").decimalValue().toPlainString());
        assertEquals("0.00", line.get("vatAmount").decimalValue().toPlainString());
        assertEquals("1050000.00", line.get("grossAmount").decimalValue().toPlainString());
        assertEquals("1050000.00", amended.json().get("application").get("approvedAmount").decimalValue().toPlainString());
        assertEquals("\"3\"", amended.header("ETag"));

        JsonNode event = last(api.get(fitko, "/api/applications/" + id + "/history").json());
        assertEquals("AMENDED", event.get("action").asText());
        assertEquals(List.of("1011500.00", "1050000.00"), changes(event).get("approvedAmount"));
        assertEquals(List.of("null", "Umfang des Projekts wird um Mehrwertsteuer erhöht"), changes(event).get("amendment.reason"));
    }

    @Test
    void aVatUpliftIsComputedFromTheCurrentAmountRoundedHalfUpToTheCent() {
        long id = api.approved(fitko, StateCode.NW, "101.50");
        // 101.50 × 1.07 = 108.605: half-up gives 108.61 (half-even would give 108.60)
        JsonNode line = amend(fitko, id, Map.of("vatRatePercent", 7)).json().get("amendment");
        assertEquals("EFFECTIVE", line.get("state").asText());
        assertEquals("101.50", line.get("netAmount").decimalValue().toPlainString());
        assertEquals("7.00", line.get("vatRatePercent").decimalValue().toPlainString());
        assertEquals("7.11", line.get("vatAmount").decimalValue().toPlainString());
        assertEquals("108.61", line.get("grossAmount").decimalValue().toPlainString());
        assertEquals("108.61", api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").decimalValue().toPlainString());
    }

    @Test
    void aLargeRaiseWaitsForASecondFitkoUser() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        String path = "/api/applications/" + id;
        // the VAT of the second half of 2020: +16 % is more than the 10 % one user may decide alone
        Response proposed = amend(fitko, id, Map.of("vatRatePercent", "16"));
        assertEquals(201, proposed.status(), proposed.body());
        JsonNode line = proposed.json().get("amendment");
        assertEquals("PROPOSED", line.get("state").asText());
        assertEquals("161840.00", line.get("vatAmount").decimalValue().toPlainString());
        assertEquals("1173340.00", line.get("grossAmount").decimalValue().toPlainString());
        assertEquals("1011500.00", proposed.json().get("application").get("approvedAmount").decimalValue().toPlainString());
        long amendmentId = line.get("id").asLong();

        Response ownConfirmation = api.post(fitko, path + "/amendments/" + amendmentId + "/confirm", null);
        assertEquals(403, ownConfirmation.status());
        assertEquals(409, amend(secondFitko, id, Map.of("newApprovedAmount", "1011600.00")).status(), "one pending at a time");
        assertEquals(403, api.post(api.account(Role.STATE, StateCode.ST), path + "/amendments/" + amendmentId + "/confirm", null).status());

        Response confirmed = api.post(secondFitko, path + "/amendments/" + amendmentId + "/confirm", null);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("CONFIRMED", confirmed.json().get("amendment").get("state").asText());
        assertEquals(secondFitko.username(), confirmed.json().get("amendment").get("reviewedBy").asText());
        assertEquals("1173340.00", confirmed.json().get("application").get("approvedAmount").decimalValue().toPlainString());
        assertEquals(409, api.post(secondFitko, path + "/amendments/" + amendmentId + "/confirm", null).status());

        JsonNode history = api.get(fitko, path + "/history").json();
        List<String> actions = StreamSupport.stream(history.spliterator(), false).map(event -> event.get("action").asText()).toList();
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "OBLIGATION_CREATED", "OBLIGATION_CREATED",
                "AMENDMENT_PROPOSED", "AMENDMENT_CONFIRMED"), actions);
        assertEquals(List.of("1011500.00", "1173340.00"), changes(last(history)).get("approvedAmount"));
        assertEquals(List.of("null", fitko.username()), changes(last(history)).get("amendment.proposedBy"));
    }

    @Test
    void eitherThresholdIsEnoughAndEachIsExclusive() {
        assertEquals("PROPOSED", state(api.approved(fitko, StateCode.BY, "2000000.00"), Map.of("newApprovedAmount", "2150000.00")),
                "+150 000 € is only 7.5 % but more than 100 000 €");
        assertEquals("PROPOSED", state(api.approved(fitko, StateCode.BY, "50000.00"), Map.of("newApprovedAmount", "55000.01")),
                "+10.00002 % is more than 10 %");
        assertEquals("EFFECTIVE", state(api.approved(fitko, StateCode.BY, "1000000.00"), Map.of("newApprovedAmount", "1100000.00")),
                "exactly 10 % and exactly 100 000 € is neither more");
        assertEquals("EFFECTIVE", state(api.approved(fitko, StateCode.BY, "1000000.00"), Map.of("newApprovedAmount", "900000.00")),
                "a cut of exactly 10 % and exactly 100 000 € is neither more");
        assertEquals("PROPOSED", state(api.approved(fitko, StateCode.BY, "1000000.00"), Map.of("newApprovedAmount", "400000.00")),
                "a cut beyond a threshold needs a second pair of eyes as a raise does");
    }

    @Test
    void aDeclinedProposalChangesNothingAndFreesTheWay() {
        long id = api.approved(fitko, StateCode.HE, "100000.00");
        long amendmentId = amend(fitko, id, Map.of("newApprovedAmount", "200000.00")).json().get("amendment").get("id").asLong();
        Response declined = api.post(fitko, "/api/applications/" + id + "/amendments/" + amendmentId + "/decline", null);
        assertEquals(200, declined.status(), declined.body());
        assertEquals("DECLINED", declined.json().get("amendment").get("state").asText());
        assertEquals("100000.00", declined.json().get("application").get("approvedAmount").decimalValue().toPlainString());
        assertEquals(201, amend(fitko, id, Map.of("newApprovedAmount", "105000.00")).status());
        JsonNode ledger = api.get(fitko, "/api/applications/" + id + "/amendments").json();
        assertEquals(List.of("DECLINED", "EFFECTIVE"), StreamSupport.stream(ledger.spliterator(), false)
                .map(line -> line.get("state").asText()).toList());
    }

    @Test
    void theAmountsAsTheyStoodOnAnyDay() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        Map<String, Object> vat = new LinkedHashMap<>(amendment(Map.of("vatRatePercent", "16")));
        vat.put("meetingDate", "2021-06-30");
        long amendmentId = api.post(fitko, "/api/applications/" + id + "/amendments", vat).json().get("amendment").get("id").asLong();
        api.post(secondFitko, "/api/applications/" + id + "/amendments/" + amendmentId + "/confirm", null);

        assertTrue(asOf(id, "2021-01-18").isNull(), "not yet approved");
        assertEquals("1011500.00", asOf(id, "2021-01-19").decimalValue().toPlainString());
        assertEquals("1011500.00", asOf(id, "2021-06-29").decimalValue().toPlainString());
        assertEquals("1173340.00", asOf(id, "2021-06-30").decimalValue().toPlainString());
        assertEquals("1173340.00", api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").decimalValue().toPlainString());
        assertEquals(400, api.get(fitko, "/api/applications/" + id + "?asOf=30.06.2021").status());
    }

    @Test
    void amendmentRulesAndRights() {
        long id = api.approved(fitko, StateCode.NW, "1000.00");
        String path = "/api/applications/" + id + "/amendments";
        Response both = api.post(fitko, path, amendment(Map.of("newApprovedAmount", "1100.00", "vatRatePercent", "19")));
        assertEquals(Set.of("newApprovedAmount", "vatRatePercent"), fields(both));
        assertEquals(Set.of("newApprovedAmount", "vatRatePercent"), fields(api.post(fitko, path, amendment(Map.of()))));
        assertEquals(Set.of("vatRatePercent"), fields(api.post(fitko, path, amendment(Map.of("vatRatePercent", "0")))));
        assertEquals(Set.of("vatRatePercent"), fields(api.post(fitko, path, amendment(Map.of("vatRatePercent", "19.123")))));
        assertEquals(Set.of("newApprovedAmount"), fields(api.post(fitko, path, amendment(Map.of("newApprovedAmount", "1000.00")))));
        Map<String, Object> early = new LinkedHashMap<>(amendment(Map.of("newApprovedAmount", "1010.00")));
        early.put("meetingDate", "2020-12-31");
        assertEquals(Set.of("meetingDate"), fields(api.post(fitko, path, early)));
        Map<String, Object> noReason = new LinkedHashMap<>(amendment(Map.of("newApprovedAmount", "1010.00")));
        noReason.remove("reason");
        assertEquals(Set.of("reason"), fields(api.post(fitko, path, noReason)));

        assertEquals(403, api.post(api.account(Role.STATE, StateCode.NW), path, amendment(Map.of("newApprovedAmount", "1010.00"))).status());
        assertEquals(403, api.post(api.account(Role.FINANCE, null), path, amendment(Map.of("newApprovedAmount", "1010.00"))).status());
        long submitted = api.submitted(StateCode.NW);
        assertEquals(409, api.post(fitko, "/api/applications/" + submitted + "/amendments",
                amendment(Map.of("newApprovedAmount", "1010.00"))).status());
        assertEquals(412, api.send("POST", path, fitko.token(), amendment(Map.of("newApprovedAmount", "1010.00")),
                Map.of("If-Match", "\"1\"")).status());
        assertEquals(0, api.get(fitko, path).json().size(), "nothing refused was written");
        assertEquals(201, api.post(fitko, path, amendment(Map.of("newApprovedAmount", "1010.00"))).status());
        Map<String, Object> beforePrevious = new LinkedHashMap<>(amendment(Map.of("newApprovedAmount", "1020.00")));
        beforePrevious.put("meetingDate", "2021-03-14");
        assertEquals(Set.of("meetingDate"), fields(api.post(fitko, path, beforePrevious)), "amendments follow each other in time");
        assertEquals(404, api.get(api.account(Role.STATE, StateCode.BY), path).status());
    }

    private String state(long id, Map<String, Object> change) {
        Response response = amend(fitko, id, change);
        assertEquals(201, response.status(), response.body());
        return response.json().get("amendment").get("state").asText();
    }

    private JsonNode asOf(long id, String day) {
        return api.get(fitko, "/api/applications/" + id + "?asOf=" + day).json().get("approvedAmount");
    }

    private Response amend(Account account, long id, Map<String, Object> change) {
        return api.post(account, "/api/applications/" + id + "/amendments", amendment(change));
    }

    static Map<String, Object> amendment(Map<String, Object> change) {
        Map<String, Object> body = new LinkedHashMap<>(change);
        body.put("reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        body.put("body", "IT-Planungsrat, 34. Sitzung");
        body.put("meetingDate", "2021-03-15");
        body.put("agendaItem", "TOP 3");
        return body;
    }
}
