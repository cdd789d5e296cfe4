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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DecisionApiTest {

    @Inject
    TestApi api;

    Account fitko;
    Account nw;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        nw = api.account(Role.STATE, StateCode.NW);
    }

    @Test
    void approvalRecordsTheDecisionAndItsAmountWhichMayDifferFromTheRequest() {
        long id = api.submitted(nw, StateCode.NW);
        Response decided = api.post(fitko, "/api/applications/" + id + "/decision", api.decision("APPROVED", "950000.00"));

        assertEquals(200, decided.status(), decided.body());
        assertEquals("APPROVED", decided.json().get("status").asText());
        assertEquals("950000.00", decided.json().get("approvedAmount").decimalValue().toPlainString());
        assertEquals("1011500.00", decided.json().get("requestedAmount").decimalValue().toPlainString());
        assertEquals("\"2\"", decided.header("ETag"));

        JsonNode decisions = api.get(nw, "/api/applications/" + id + "/decisions").json();
        assertEquals(1, decisions.size());
        JsonNode decision = decisions.get(0);
        assertEquals("APPROVED", decision.get("outcome").asText());
        assertEquals("950000.00", decision.get("approvedAmount").decimalValue().toPlainString());
        assertEquals("Abteilungsleiterrunde", decision.get("body").asText());
        assertEquals("2021-01-19", decision.get("meetingDate").asText());
        assertEquals("TOP 08", decision.get("agendaItem").asText());
        assertEquals("RESOLUTION", decision.get("kind").asText());
        assertEquals(fitko.username(), decision.get("recordedBy").asText());

        JsonNode history = api.get(nw, "/api/applications/" + id + "/history").json();
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "OBLIGATION_CREATED", "OBLIGATION_CREATED"),
                StreamSupport.stream(history.spliterator(), false).map(event -> event.get("action").asText()).toList());
        JsonNode event = history.get(2);
        assertEquals("FITKO", event.get("actorRole").asText());
        Map<String, List<String>> changes = changes(event);
        assertEquals(List.of("SUBMITTED", "APPROVED"), changes.get("status"));
        assertEquals(List.of("null", "950000.00"), changes.get("approvedAmount"));
        assertEquals(List.of("null", "Abteilungsleiterrunde, 2021-01-19, TOP 08"), changes.get("decision.meeting"));
    }

    @Test
    void returnedApplicationsAreEditedAndSubmittedAgainThenRejectedForGood() {
        long id = api.submitted(nw, StateCode.NW);
        String path = "/api/applications/" + id;
        assertEquals("RETURNED", api.post(fitko, path + "/decision", api.decision("RETURNED", null)).json().get("status").asText());
        Map<String, Object> edit = api.application(StateCode.NW);
        edit.put("requestedAmount", "900000.00");
        edit.put("annualPlan", List.of());
        assertEquals(200, api.put(nw, path, edit, Map.of()).status());
        assertEquals("SUBMITTED", api.post(nw, path + "/submit", null).json().get("status").asText());
        Response rejected = api.post(fitko, path + "/decision", api.decision("REJECTED", null));
        assertEquals("REJECTED", rejected.json().get("status").asText());
        assertTrue(rejected.json().get("approvedAmount").isNull());

        Response again = api.post(fitko, path + "/decision", api.decision("APPROVED", "1.00"));
        assertEquals(409, again.status());
        assertEquals(0, again.json().get("allowedStatuses").size());
        assertEquals(2, api.get(fitko, path + "/decisions").json().size());
    }

    @Test
    void onlySubmittedApplicationsCanBeDecided() {
        long draft = api.create(nw, api.application(StateCode.NW)).get("id").asLong();
        Response refused = api.post(fitko, "/api/applications/" + draft + "/decision", api.decision("APPROVED", "1.00"));
        assertEquals(409, refused.status());
        assertEquals(List.of("SUBMITTED", "WITHDRAWN"), strings(refused.json().get("allowedStatuses")));
        assertEquals(0, api.get(fitko, "/api/applications/" + draft + "/decisions").json().size());
    }

    @Test
    void everyRuleOfADecisionNamesItsField() {
        long id = api.submitted(nw, StateCode.NW);
        String path = "/api/applications/" + id + "/decision";
        assertRefused(path, api.decision("APPROVED", null), "approvedAmount");
        assertRefused(path, api.decision("APPROVED", "0.00"), "approvedAmount");
        assertRefused(path, api.decision("APPROVED", "10.001"), "approvedAmount");
        assertRefused(path, api.decision("REJECTED", "10.00"), "approvedAmount");
        Map<String, Object> future = api.decision("APPROVED", "10.00");
        future.put("meetingDate", LocalDate.now().plusDays(2).toString());
        assertRefused(path, future, "meetingDate");
        Map<String, Object> tooLong = api.decision("APPROVED", "10.00");
        tooLong.put("note", "n".repeat(4001));
        assertRefused(path, tooLong, "note");
        Response empty = api.post(fitko, path, Map.of());
        assertEquals(422, empty.status());
        assertEquals(Set.of("outcome", "body", "meetingDate", "agendaItem", "kind"), fields(empty));
        Map<String, Object> unknownKind = api.decision("APPROVED", "10.00");
        unknownKind.put("kind", "BESCHLUSS");
        assertEquals(400, api.post(fitko, path, unknownKind).status());
        assertEquals("SUBMITTED", api.get(fitko, "/api/applications/" + id).json().get("status").asText());
    }

    @Test
    void onlyFitkoDecidesAndIfMatchIsHonoured() {
        long id = api.submitted(nw, StateCode.NW);
        String path = "/api/applications/" + id + "/decision";
        assertEquals(403, api.post(nw, path, api.decision("APPROVED", "1.00")).status());
        assertEquals(403, api.post(api.account(Role.FINANCE, null), path, api.decision("APPROVED", "1.00")).status());
        assertEquals(403, api.post(api.account(Role.ADMIN, null), path, api.decision("APPROVED", "1.00")).status());
        assertEquals(404, api.post(fitko, "/api/applications/" + Long.MAX_VALUE + "/decision", api.decision("APPROVED", "1.00")).status());
        assertEquals(412, api.send("POST", path, fitko.token(), api.decision("APPROVED", "1.00"), Map.of("If-Match", "\"0\"")).status());
        assertEquals(200, api.send("POST", path, fitko.token(), api.decision("APPROVED", "1.00"), Map.of("If-Match", "\"1\"")).status());
    }

    @Test
    void aMeetingBatchDecidesAllItsApplications() {
        long first = api.submitted(nw, StateCode.NW);
        long second = api.submitted(StateCode.ST);
        long third = api.submitted(StateCode.BY);
        Response batch = api.post(fitko, "/api/decisions", batch(List.of(
                item(first, "APPROVED", "1000000.00"), item(second, "APPROVED", "1011500.00"), item(third, "REJECTED", null))));

        assertEquals(201, batch.status(), batch.body());
        long batchId = batch.json().get("batchId").asLong();
        assertEquals(List.of("APPROVED", "APPROVED", "REJECTED"), StreamSupport.stream(batch.json().get("applications").spliterator(), false)
                .map(application -> application.get("status").asText()).toList());
        for (long id : List.of(first, second, third)) {
            JsonNode decision = api.get(fitko, "/api/applications/" + id + "/decisions").json().get(0);
            assertEquals(batchId, decision.get("batchId").asLong());
            assertEquals("TOP 08", decision.get("agendaItem").asText());
        }
        assertEquals("1000000.00", api.get(nw, "/api/applications/" + first).json().get("approvedAmount").decimalValue().toPlainString());
    }

    @Test
    void aBatchWithOneBadItemWritesNothingAndNamesEveryBadItem() {
        long good = api.submitted(nw, StateCode.NW);
        long draft = api.create(nw, api.application(StateCode.NW)).get("id").asLong();
        long badAmount = api.submitted(nw, StateCode.NW);
        Response refused = api.post(fitko, "/api/decisions", batch(List.of(
                item(good, "APPROVED", "100.00"), item(draft, "APPROVED", "100.00"),
                item(Long.MAX_VALUE, "APPROVED", "100.00"), item(badAmount, "APPROVED", "-5.00"))));
        assertEquals(422, refused.status(), refused.body());
        assertEquals(Set.of("items[3].approvedAmount"), fields(refused), "field errors first");

        Response stateErrors = api.post(fitko, "/api/decisions", batch(List.of(
                item(good, "APPROVED", "100.00"), item(draft, "APPROVED", "100.00"), item(Long.MAX_VALUE, "APPROVED", "100.00"))));
        assertEquals(422, stateErrors.status(), stateErrors.body());
        assertEquals(Set.of("items[1].applicationId", "items[2].applicationId"), fields(stateErrors));

        Response duplicate = api.post(fitko, "/api/decisions", batch(List.of(item(good, "APPROVED", "1.00"), item(good, "REJECTED", null))));
        assertEquals(Set.of("items[1].applicationId"), fields(duplicate));
        assertEquals(Set.of("items"), fields(api.post(fitko, "/api/decisions", batch(List.of()))));

        for (long id : List.of(good, draft, badAmount)) {
            assertEquals(0, api.get(fitko, "/api/applications/" + id + "/decisions").json().size());
            assertTrue(api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").isNull());
        }
        assertEquals("SUBMITTED", api.get(fitko, "/api/applications/" + good).json().get("status").asText());
        assertEquals(List.of("CREATED", "SUBMITTED"), StreamSupport.stream(
                api.get(fitko, "/api/applications/" + good + "/history").json().spliterator(), false)
                .map(event -> event.get("action").asText()).toList());
        assertEquals(403, api.post(nw, "/api/decisions", batch(List.of(item(good, "APPROVED", "1.00")))).status());
    }

    private Map<String, Object> batch(List<Map<String, Object>> items) {
        return api.batch(items);
    }

    static Map<String, Object> item(long applicationId, String outcome, String amount) {
        Map<String, Object> item = new HashMap<>();
        item.put("applicationId", applicationId);
        item.put("outcome", outcome);
        if (amount != null) {
            item.put("approvedAmount", amount);
        }
        return item;
    }

    private void assertRefused(String path, Map<String, Object> body, String field) {
        Response refused = api.post(fitko, path, body);
        assertEquals(422, refused.status(), body + " → " + refused.body());
        assertTrue(fields(refused).contains(field), refused.body());
    }

    static Set<String> fields(Response problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).collect(Collectors.toSet());
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static Map<String, List<String>> changes(JsonNode event) {
        return StreamSupport.stream(event.get("changes").spliterator(), false)
                .collect(Collectors.toMap(change -> change.get("field").asText(),
                        change -> List.of(change.get("oldValue").isNull() ? "null" : change.get("oldValue").asText(),
                                change.get("newValue").isNull() ? "null" : change.get("newValue").asText())));
    }
}
