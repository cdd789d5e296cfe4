package de.foerderregister.application;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ApplicationApiTest {

    @Inject
    TestApi api;

    Account nw;
    Account fitko;

    @BeforeEach
    void accounts() {
        nw = api.account(Role.STATE, StateCode.NW);
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void createAnswers201WithLocationETagAndTheDraft() {
        Map<String, Object> body = api.application(StateCode.NW);
        Response created = api.post(nw, "/api/applications", body);

        assertEquals(201, created.status(), created.body());
        JsonNode json = created.json();
        long id = json.get("id").asLong();
        assertEquals("/api/applications/" + id, created.header("Location"));
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals("DRAFT", json.get("status").asText());
        assertTrue(json.get("reference").asText().matches("\\d{4}-\\d{4,}"));
        assertEquals(new BigDecimal("1011500.00"), json.get("requestedAmount").decimalValue());
        assertEquals("1011500.00", json.get("requestedAmount").decimalValue().toPlainString());
        assertEquals(new BigDecimal("511500.00"), json.get("annualPlan").get(1).get("amount").decimalValue());
        assertTrue(json.get("approvedAmount").isNull());

        Response read = api.get(nw, "/api/applications/" + id);
        assertEquals(200, read.status());
        assertEquals("\"0\"", read.header("ETag"));
        assertEquals(body.get("title"), read.json().get("title").asText());
    }

    @Test
    void aReadAnswersTheApplicationAsItsCreateDidWithOrWithoutAPlan() {
        Map<String, Object> planned = api.application(StateCode.NW);
        Map<String, Object> unplanned = api.application(StateCode.NW);
        unplanned.put("annualPlan", List.of());
        for (Map<String, Object> body : List.of(planned, unplanned)) {
            Response created = api.post(nw, "/api/applications", body);
            assertEquals(201, created.status(), created.body());

            Response read = api.get(nw, created.header("Location"));

            assertEquals(200, read.status());
            // the times as stored (microseconds) may be shorter than the ones the create answered with
            List<String> times = List.of("createdAt", "updatedAt");
            assertEquals(((ObjectNode) created.json()).without(times), ((ObjectNode) read.json()).without(times));
            assertEquals(created.header("ETag"), read.header("ETag"));
            assertEquals(((List<?>) body.get("annualPlan")).size(), read.json().get("annualPlan").size());
        }
    }

    @Test
    void clientsCannotSetStatusApprovedAmountReferenceOrVersion() {
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("status", "APPROVED");
        body.put("approvedAmount", "5000000.00");
        body.put("reference", "1999-0001");
        body.put("version", 42);
        body.put("id", 1);
        JsonNode created = api.create(nw, body);

        assertEquals("DRAFT", created.get("status").asText());
        assertTrue(created.get("approvedAmount").isNull());
        assertNotEquals("1999-0001", created.get("reference").asText());
        assertEquals(0, created.get("version").asLong());
    }

    @Test
    void titleIsTrimmedAndAmountsGetTwoDecimals() {
        Map<String, Object> body = api.application(StateCode.NW);
        String title = (String) body.get("title");
        body.put("title", "   " + title + "  ");
        body.put("requestedAmount", 1000.5);
        body.put("annualPlan", List.of(Map.of("year", 2021, "amount", 1000.5)));
        JsonNode created = api.create(nw, body);

        assertEquals(title, created.get("title").asText());
        assertEquals("1000.50", created.get("requestedAmount").decimalValue().toPlainString());
    }

    @Test
    void everyFieldRuleIsEnforcedWithTheFieldNamed() {
        assertRefused(Map.of("title", "ab"), "title");
        assertRefused(Map.of("title", "   ab   "), "title");
        assertRefused(Map.of("title", "x".repeat(201)), "title");
        assertRefused(Map.of("title", ""), "title");
        assertRefused(Map.of("endDate", "2020-12-31"), "endDate");
        assertRefused(Map.of("startDate", "2021-01-01", "endDate", "2031-01-02"), "endDate");
        assertRefused(Map.of("requestedAmount", "0.00"), "requestedAmount");
        assertRefused(Map.of("requestedAmount", "-1.00"), "requestedAmount");
        assertRefused(Map.of("requestedAmount", "1.005"), "requestedAmount");
        assertRefused(Map.of("requestedAmount", "1000000000000.00"), "requestedAmount");
        assertRefused(Map.of("notes", "n".repeat(4001)), "notes");
        // annual plan: sums exactly, years inside the runtime, each year once
        assertRefused(Map.of("annualPlan", List.of(Map.of("year", 2021, "amount", "500000.00"),
                Map.of("year", 2022, "amount", "511499.99"))), "annualPlan");
        assertRefused(Map.of("annualPlan", List.of(Map.of("year", 2020, "amount", "1011500.00"))), "annualPlan[0].year");
        assertRefused(Map.of("annualPlan", List.of(Map.of("year", 2021, "amount", "505750.00"),
                Map.of("year", 2021, "amount", "505750.00"))), "annualPlan[1].year");
        assertRefused(Map.of("annualPlan", List.of(Map.of("year", 2021, "amount", "-1.00"),
                Map.of("year", 2022, "amount", "1011501.00"))), "annualPlan[0].amount");
        for (String required : List.of("title", "type", "fundingSource", "startDate", "endDate", "requestedAmount")) {
            Map<String, Object> body = api.application(StateCode.NW);
            body.remove(required);
            Response refused = api.post(fitko, "/api/applications", body);
            assertEquals(422, refused.status(), required);
            assertEquals(Set.of(required), fields(refused), required);
        }
        // FITKO files on behalf of a state and so must name it
        Map<String, Object> withoutState = api.application(StateCode.NW);
        withoutState.remove("ownerState");
        assertEquals(Set.of("ownerState"), fields(api.post(fitko, "/api/applications", withoutState)));
    }

    @Test
    void boundaryValuesAreAccepted() {
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("title", "abc");
        body.put("startDate", "2021-01-01");
        body.put("endDate", "2031-01-01");
        body.put("requestedAmount", "999999999999.99");
        body.put("annualPlan", List.of());
        body.put("notes", "n".repeat(4000));
        assertEquals(201, api.post(nw, "/api/applications", body).status());
        body.put("endDate", "2021-01-01");
        body.put("requestedAmount", "0.01");
        body.put("title", "t".repeat(200));
        assertEquals(201, api.post(nw, "/api/applications", body).status());
    }

    @Test
    void unreadableValuesAnswer400NamingEachField() {
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("ownerState", "XX");
        body.put("type", "FOO");
        body.put("startDate", "2021-02-30");
        body.put("requestedAmount", "viel");
        Response refused = api.post(nw, "/api/applications", body);
        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(Set.of("ownerState", "type", "startDate", "requestedAmount"), fields(refused));
    }

    @Test
    void listFiltersSearchesPagesAndSorts() {
        String marker = api.unique("Suche");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = api.application(StateCode.NW);
            body.put("title", marker + " Projekt " + (char) ('A' + i));
            body.put("type", i % 2 == 0 ? "REFERENCE_IMPLEMENTATION" : "STANDARD");
            ids.add(api.create(nw, body).get("id").asLong());
        }
        api.post(nw, "/api/applications/" + ids.get(0) + "/submit", null);

        JsonNode all = api.get(fitko, "/api/applications?q=" + marker + "&sort=title,asc&size=2").json();
        assertEquals(5, all.get("totalSize").asInt());
        assertEquals(List.of(marker + " Projekt A", marker + " Projekt B"), titles(all));
        JsonNode third = api.get(fitko, "/api/applications?q=" + marker + "&sort=title,asc&size=2&page=2").json();
        assertEquals(List.of(marker + " Projekt E"), titles(third));
        JsonNode descending = api.get(fitko, "/api/applications?q=" + marker + "&sort=title,desc&size=1").json();
        assertEquals(List.of(marker + " Projekt E"), titles(descending));

        assertEquals(3, api.get(fitko, "/api/applications?q=" + marker + "&type=REFERENCE_IMPLEMENTATION").json()
                .get("totalSize").asInt());
        assertEquals(1, api.get(fitko, "/api/applications?q=" + marker + "&status=SUBMITTED").json()
                .get("totalSize").asInt());
        assertEquals(5, api.get(fitko, "/api/applications?q=" + marker + "&ownerState=NW&fundingSource=DIGITALISATION_BUDGET")
                .json().get("totalSize").asInt());
        assertEquals(0, api.get(fitko, "/api/applications?q=" + marker + "&ownerState=BY").json()
                .get("totalSize").asInt());

        String reference = api.get(nw, "/api/applications/" + ids.get(3)).json().get("reference").asText();
        JsonNode byReference = api.get(fitko, "/api/applications?q=" + reference).json();
        assertEquals(1, byReference.get("totalSize").asInt());
        assertEquals(ids.get(3), byReference.get("content").get(0).get("id").asLong());
    }

    @Test
    void searchTreatsWildcardsLiterallyAndPageSizeIsClamped() {
        assertEquals(0, api.get(fitko, "/api/applications?q=" + api.unique("kein") + "%25").json()
                .get("totalSize").asInt());
        assertEquals(0, api.get(fitko, "/api/applications?q=%25_%25" + api.unique("x")).json().get("totalSize").asInt());
        JsonNode page = api.get(fitko, "/api/applications?size=100000").json();
        assertEquals(100, page.get("pageable").get("size").asInt());
        assertEquals(400, api.get(fitko, "/api/applications?sort=password").status());
        assertEquals(400, api.get(fitko, "/api/applications?sort=title,sideways").status());
        assertEquals(400, api.get(fitko, "/api/applications?page=-1").status());
        assertEquals(400, api.get(fitko, "/api/applications?size=0").status());
        assertEquals(400, api.get(fitko, "/api/applications?status=FERTIG").status());
    }

    @Test
    void editNeedsCurrentVersionAndWritesHistory() {
        JsonNode created = api.create(nw, api.application(StateCode.NW));
        String path = "/api/applications/" + created.get("id").asLong();
        Map<String, Object> edit = api.application(StateCode.NW);
        edit.put("requestedAmount", "1200000.00");
        edit.put("annualPlan", List.of());

        Response updated = api.put(nw, path, edit, Map.of("If-Match", "\"0\""));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("\"1\"", updated.header("ETag"));
        assertEquals("1200000.00", updated.json().get("requestedAmount").decimalValue().toPlainString());

        Response stale = api.put(nw, path, edit, Map.of("If-Match", "\"0\""));
        assertEquals(412, stale.status());
        assertEquals("application/problem+json", stale.contentType());
        assertEquals(412, api.put(nw, path, edit, Map.of("If-Match", "\"abc\"")).status());
        assertEquals(200, api.put(nw, path, edit, Map.of("If-Match", "W/\"1\"")).status());

        JsonNode history = api.get(nw, path + "/history").json();
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED"), actions(history));
        Map<String, List<String>> changed = changes(history.get(1));
        assertEquals(List.of("1011500.00", "1200000.00"), changed.get("requestedAmount"));
        assertEquals(List.of("2021: 500000.00; 2022: 511500.00", "null"), changed.get("annualPlan"));
        assertEquals(nw.username(), history.get(1).get("actor").asText());
        assertEquals("STATE", history.get(1).get("actorRole").asText());
        // an edit that changes nothing still leaves a trace of who saved it, with no field changes
        assertEquals(0, history.get(2).get("changes").size());
    }

    @Test
    void statusMachineThroughTheApi() {
        JsonNode created = api.create(nw, api.application(StateCode.NW));
        String path = "/api/applications/" + created.get("id").asLong();

        Response submitted = api.post(nw, path + "/submit", null);
        assertEquals(200, submitted.status());
        assertEquals("SUBMITTED", submitted.json().get("status").asText());

        Response again = api.post(nw, path + "/submit", null);
        assertEquals(409, again.status());
        assertEquals(List.of("RETURNED", "APPROVED", "REJECTED", "WITHDRAWN"), strings(again.json().get("allowedStatuses")));

        Response edit = api.put(nw, path, api.application(StateCode.NW), Map.of());
        assertEquals(409, edit.status());

        assertEquals("WITHDRAWN", api.post(nw, path + "/withdraw", null).json().get("status").asText());
        Response afterWithdrawal = api.post(nw, path + "/withdraw", null);
        assertEquals(409, afterWithdrawal.status());
        assertEquals(List.of(), strings(afterWithdrawal.json().get("allowedStatuses")));

        JsonNode history = api.get(nw, path + "/history").json();
        assertEquals(List.of("CREATED", "SUBMITTED", "WITHDRAWN"), actions(history));
        assertEquals(List.of("DRAFT", "SUBMITTED"), changes(history.get(1)).get("status"));
    }

    @Test
    void submitAndWithdrawHonourIfMatch() {
        JsonNode created = api.create(nw, api.application(StateCode.NW));
        String path = "/api/applications/" + created.get("id").asLong();
        assertEquals(412, api.send("POST", path + "/submit", nw.token(), null, Map.of("If-Match", "\"7\"")).status());
        assertEquals(200, api.send("POST", path + "/submit", nw.token(), null, Map.of("If-Match", "\"0\"")).status());
        assertEquals(412, api.send("POST", path + "/withdraw", nw.token(), null, Map.of("If-Match", "\"0\"")).status());
    }

    private void assertRefused(Map<String, Object> overrides, String field) {
        Map<String, Object> body = api.application(StateCode.NW);
        body.putAll(overrides);
        Response refused = api.post(nw, "/api/applications", body);
        assertEquals(422, refused.status(), overrides + " → " + refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(fields(refused).contains(field), overrides + " → " + refused.body());
    }

    static Set<String> fields(Response problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).collect(Collectors.toSet());
    }

    private static List<String> titles(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false)
                .map(application -> application.get("title").asText()).toList();
    }

    private static List<String> actions(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false)
                .map(event -> event.get("action").asText()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Map<String, List<String>> changes(JsonNode event) {
        return StreamSupport.stream(event.get("changes").spliterator(), false)
                .collect(Collectors.toMap(change -> change.get("field").asText(),
                        change -> List.of(text(change.get("oldValue")), text(change.get("newValue")))));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }
}
