package de.foerderregister.status;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status reports over HTTP: who may report on whose project, the rules of each field, the history and the audit. */
@MicronautTest(transactional = false)
class StatusReportApiTest {

    @Inject
    TestApi api;

    static Map<String, Object> report(String schedule, String budget, String quality, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule", schedule);
        body.put("budget", budget);
        body.put("quality", quality);
        body.put("comment", comment);
        return body;
    }

    static String path(long id) {
        return "/api/applications/" + id + "/status-reports";
    }

    @Test
    void theStateAndFitkoReportAndTheHistoryIsNewestFirst() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.HE, "800000.00");
        Account he = api.applicant(StateCode.HE);

        Response first = api.post(he, path(id), report("GREEN", "GREEN", "GREEN", null));
        assertEquals(201, first.status(), first.body());
        assertEquals("GREEN", first.json().get("schedule").asText());
        assertTrue(absent(first.json(), "comment"), first.body());
        assertEquals(he.username(), first.json().get("reportedBy").asText());
        Response second = api.post(fitko, path(id), report("YELLOW", "GREEN", "RED", "Abnahme verschoben; Testumgebung fehlt"));
        assertEquals(201, second.status(), second.body());

        Response history = api.get(api.account(Role.FINANCE, null), path(id));
        assertEquals(200, history.status(), history.body());
        List<JsonNode> reports = list(history.json());
        assertEquals(2, reports.size());
        assertEquals(second.json().get("id").asLong(), reports.get(0).get("id").asLong(), "newest first");
        assertEquals(first.json().get("id").asLong(), reports.get(1).get("id").asLong());
        assertEquals("Abnahme verschoben; Testumgebung fehlt", reports.get(0).get("comment").asText());
        assertEquals(second.json().get("reportedAt").asText(), reports.get(0).get("reportedAt").asText(),
                "the answer is what was stored");

        JsonNode latest = api.get(he, "/api/applications/" + id).json().get("latestStatus");
        assertEquals("YELLOW", latest.get("schedule").asText());
        assertEquals("GREEN", latest.get("budget").asText());
        assertEquals("RED", latest.get("quality").asText());
        assertEquals("RED", latest.get("overall").asText(), "the worst light");
        assertEquals(second.json().get("reportedAt").asText(), latest.get("reportedAt").asText());
    }

    @Test
    void aReportDoesNotChangeTheApplicationsVersion() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.HE, "800000.00");
        Response before = api.get(fitko, "/api/applications/" + id);
        assertTrue(absent(before.json(), "latestStatus"), before.body());
        assertEquals(201, api.post(fitko, path(id), report("GREEN", "YELLOW", "GREEN", "Mehrkosten Lizenzen")).status());
        Response after = api.get(fitko, "/api/applications/" + id);
        assertEquals(before.header("ETag"), after.header("ETag"), "an If-Match of before the report still holds");
        assertEquals(before.json().get("updatedAt").asText(), after.json().get("updatedAt").asText());
    }

    @Test
    void anotherStatesProjectIsNotFoundAndFinanceAndAdminMayNotReport() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.HE, "800000.00");
        Account by = api.account(Role.STATE, StateCode.BY);
        Map<String, Object> green = report("GREEN", "GREEN", "GREEN", null);

        assertEquals(404, api.post(by, path(id), green).status());
        assertEquals(404, api.get(by, path(id)).status());
        assertEquals(404, api.post(fitko, path(Long.MAX_VALUE), green).status());
        assertEquals(404, api.get(fitko, path(Long.MAX_VALUE)).status());
        Account finance = api.account(Role.FINANCE, null);
        Response refused = api.post(finance, path(id), green);
        assertEquals(403, refused.status(), refused.body());
        assertEquals(200, api.get(finance, path(id)).status());
        Account admin = api.account(Role.ADMIN, null);
        assertEquals(403, api.post(admin, path(id), green).status());
        assertEquals(403, api.get(admin, path(id)).status());
        assertEquals(401, api.send("GET", path(id), null, null, Map.of()).status());

        assertEquals(0, list(api.get(fitko, path(id)).json()).size(), "nothing refused was stored");
        assertTrue(absent(api.get(fitko, "/api/applications/" + id).json(), "latestStatus"));
    }

    @Test
    void onlyApprovedProjectsTakeReports() {
        Account he = api.applicant(StateCode.HE);
        long draft = api.create(he, api.application(StateCode.HE)).get("id").asLong();
        long submitted = api.submitted(StateCode.HE);
        for (long id : List.of(draft, submitted)) {
            Response refused = api.post(he, path(id), report("GREEN", "GREEN", "GREEN", null));
            assertEquals(409, refused.status(), refused.body());
            assertEquals(0, list(api.get(he, path(id)).json()).size());
        }
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.HE, "800000.00");
        Account he = api.applicant(StateCode.HE);

        Response empty = api.post(he, path(id), Map.of());
        assertEquals(422, empty.status(), empty.body());
        assertEquals(List.of("schedule:required", "budget:required", "quality:required"), errors(empty));

        assertEquals(List.of("comment:status.commentRequired"),
                errors(api.post(he, path(id), report("GREEN", "YELLOW", "GREEN", null))));
        assertEquals(List.of("comment:status.commentRequired"),
                errors(api.post(he, path(id), report("RED", "GREEN", "GREEN", "   "))));
        assertEquals(List.of("comment:text.maxLength"),
                errors(api.post(he, path(id), report("RED", "GREEN", "GREEN", "x".repeat(4001)))));
        assertEquals(List.of("comment:text.bidiControlCharacter"),
                errors(api.post(he, path(id), report("RED", "GREEN", "GREEN", "Verzug \u202E"))));
        assertEquals(List.of("budget:required", "comment:text.controlCharacter"),
                errors(api.post(he, path(id), report("GREEN", null, "GREEN", "\u0007"))));
        assertEquals(List.of("quality:required", "comment:status.commentRequired"),
                errors(api.post(he, path(id), report("GREEN", "YELLOW", null, null))), "a known deviation needs its comment");

        Response unknown = api.post(he, path(id), report("BLUE", "GREEN", "GREEN", null));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("schedule", unknown.json().get("errors").get(0).get("field").asText());
        assertEquals(0, list(api.get(he, path(id)).json()).size(), "nothing refused was stored");

        Response longest = api.post(he, path(id), report("RED", "GREEN", "GREEN", "  " + "ä".repeat(4000) + "  "));
        assertEquals(201, longest.status(), longest.body());
        assertEquals(4000, longest.json().get("comment").asText().length(), "trimmed");
    }

    @Test
    void theReportIsAnAuditEventWithItsLights() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.HE, "800000.00");
        Account he = api.applicant(StateCode.HE);
        long first = api.post(he, path(id), report("GREEN", "GREEN", "GREEN", null)).json().get("id").asLong();
        long second = api.post(fitko, path(id), report("GREEN", "RED", "GREEN", "Kostensteigerung Rechenzentrum"))
                .json().get("id").asLong();

        List<JsonNode> events = list(api.get(he, "/api/applications/" + id + "/history").json()).stream()
                .filter(event -> event.get("action").asText().equals("STATUS_REPORTED")).toList();
        assertEquals(2, events.size());
        assertEquals(he.username(), events.get(0).get("actor").asText());
        assertEquals(Map.of("statusReport.id", "null→" + first, "statusReport.schedule", "null→GREEN",
                "statusReport.budget", "null→GREEN", "statusReport.quality", "null→GREEN"), changes(events.get(0)));
        assertEquals(fitko.username(), events.get(1).get("actor").asText());
        assertEquals(Map.of("statusReport.id", "null→" + second, "statusReport.schedule", "GREEN→GREEN",
                "statusReport.budget", "GREEN→RED", "statusReport.quality", "GREEN→GREEN",
                "statusReport.comment", "null→Kostensteigerung Rechenzentrum"), changes(events.get(1)));
    }

    @Test
    void twoReportsAtOnceAreBothKeptAndTheLaterIsTheLatest() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        Account he = api.applicant(StateCode.HE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = api.approved(fitko, StateCode.HE, "800000.00");
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Response>> reporters = List.of(
                        () -> { start.await(); return api.post(he, path(id), report("RED", "RED", "RED", "Projekt steht")); },
                        () -> { start.await(); return api.post(fitko, path(id), report("GREEN", "GREEN", "GREEN", null)); });
                List<Future<Response>> answers = new ArrayList<>();
                for (Callable<Response> reporter : reporters) {
                    answers.add(pool.submit(reporter));
                }
                start.countDown();
                for (Future<Response> answer : answers) {
                    assertEquals(201, answer.get().status(), answer.get().body());
                }
                List<JsonNode> history = list(api.get(fitko, path(id)).json());
                assertEquals(2, history.size(), "both reports are kept");
                JsonNode later = history.get(0);
                assertFalse(Instant.parse(later.get("reportedAt").asText())
                        .isBefore(Instant.parse(history.get(1).get("reportedAt").asText())), "newest first");
                JsonNode latest = api.get(fitko, "/api/applications/" + id).json().get("latestStatus");
                assertEquals(later.get("schedule").asText(), latest.get("schedule").asText(), "round " + round);
                assertEquals(later.get("reportedAt").asText(), latest.get("reportedAt").asText(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode chain = api.get(fitko, "/api/audit/verify").json();
        assertTrue(chain.get("intact").asBoolean(), "every report is one event of the one chain: " + chain);
    }

    static boolean absent(JsonNode object, String field) {
        return !object.has(field) || object.get(field).isNull();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> errors(Response response) {
        assertEquals(422, response.status(), response.body());
        return list(response.json().get("errors")).stream()
                .map(error -> error.get("field").asText() + ":" + error.get("code").asText()).toList();
    }

    private static Map<String, String> changes(JsonNode event) {
        Map<String, String> changes = new LinkedHashMap<>();
        event.get("changes").forEach(change -> changes.put(change.get("field").asText(),
                text(change.get("oldValue")) + "→" + text(change.get("newValue"))));
        return changes;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }
}
