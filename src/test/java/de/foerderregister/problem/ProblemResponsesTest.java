package de.foerderregister.problem;

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
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every client mistake answers application/problem+json with the RFC 9457 members, never a 500 or a stack trace. */
@MicronautTest(transactional = false)
class ProblemResponsesTest {

    @Inject
    TestApi api;

    Account nw;

    @BeforeEach
    void account() {
        nw = api.account(Role.STATE, StateCode.NW);
    }

    @Test
    void malformedJson() {
        Response response = api.send("POST", "/api/applications", nw.token(), "{\"title\": \"abc\",", Map.of());
        assertProblem(response, 400);
        assertEquals("body", response.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void bodyThatIsNoObject() {
        assertProblem(api.send("POST", "/api/applications", nw.token(), "[1, 2]", Map.of()), 400);
        assertProblem(api.send("POST", "/api/applications", nw.token(), "\"text\"", Map.of()), 400);
    }

    @Test
    void missingBody() {
        assertProblem(api.send("POST", "/api/applications", nw.token(), null, Map.of("Content-Type", "application/json")), 400);
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("fundingSource", "LOTTO");
        Response response = api.post(nw, "/api/applications", body);
        assertProblem(response, 400);
        JsonNode error = response.json().get("errors").get(0);
        assertEquals("fundingSource", error.get("field").asText());
        assertEquals("must be one of [DIGITALISATION_BUDGET, STIMULUS_PACKAGE]", error.get("message").asText());
    }

    @Test
    void wrongTypesInNestedFields() {
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("annualPlan", Map.of("year", 2021));
        Response notAList = api.post(nw, "/api/applications", body);
        assertProblem(notAList, 400);
        assertEquals("annualPlan", notAList.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void nonNumericAndOverflowingIds() {
        Response text = api.get(nw, "/api/applications/abc");
        assertProblem(text, 400);
        assertEquals("id", text.json().get("errors").get(0).get("field").asText());
        assertProblem(api.get(nw, "/api/applications/99999999999999999999999"), 400);
        assertProblem(api.get(nw, "/api/applications/-1"), 404);
    }

    @Test
    void unsupportedMediaType() {
        assertProblem(api.send("POST", "/api/applications", nw.token(), "title=abc",
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 415);
        assertProblem(api.send("POST", "/api/applications", nw.token(), "abc", Map.of("Content-Type", "text/plain")), 415);
    }

    @Test
    void bodyTooLarge() {
        String huge = "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(api.send("POST", "/api/applications", nw.token(), huge, Map.of()), 413);
    }

    @Test
    void unknownRouteAndWrongMethod() {
        assertProblem(api.get(nw, "/api/nothing-here"), 404);
        assertProblem(api.send("DELETE", "/api/applications/1", nw.token(), null, Map.of()), 405);
    }

    @Test
    void authenticationAndAuthorisation() {
        assertProblem(api.send("GET", "/api/applications", null, null, Map.of()), 401);
        assertProblem(api.send("GET", "/api/applications", "not-a-token", null, Map.of()), 401);
        assertProblem(api.post(nw, "/api/users", Map.of("username", "someone")), 403);
        Response creatingForBavaria = api.post(nw, "/api/applications", api.application(StateCode.BY));
        assertProblem(creatingForBavaria, 403);
    }

    @Test
    void notFoundConflictAndPreconditionFailed() {
        assertProblem(api.get(nw, "/api/applications/" + Long.MAX_VALUE), 404);
        long id = api.create(nw, api.application(StateCode.NW)).get("id").asLong();
        api.post(nw, "/api/applications/" + id + "/withdraw", null);
        assertProblem(api.post(nw, "/api/applications/" + id + "/submit", null), 409);
        assertProblem(api.put(nw, "/api/applications/" + id, api.application(StateCode.NW), Map.of("If-Match", "\"0\"")), 412);
    }

    @Test
    void validationNamesEveryField() {
        Response response = api.post(nw, "/api/applications", Map.of());
        assertProblem(response, 422);
        assertEquals(6, response.json().get("errors").size(), response.body());
    }

    @Test
    void fieldErrorsCarryAStableCodeAndTheirArgumentsWordedInTheClientsLanguage() {
        Map<String, Object> body = api.application(StateCode.NW);
        body.put("requestedAmount", new BigDecimal("1000.005"));
        body.put("endDate", "2019-12-31");
        body.put("startDate", "2020-01-01");
        Response english = api.post(nw, "/api/applications", body);
        assertProblem(english, 422);
        Map<String, JsonNode> byField = byField(english);
        assertEquals("amount.scale", byField.get("requestedAmount").get("code").asText());
        assertEquals("must have at most two decimal places", byField.get("requestedAmount").get("message").asText());
        assertEquals("date.order", byField.get("endDate").get("code").asText());
        assertEquals("startDate", byField.get("endDate").get("arguments").get(0).asText());
        assertEquals("must not be before startDate", byField.get("endDate").get("message").asText());

        Response german = api.send("POST", "/api/applications", nw.token(), body,
                Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"));
        assertProblem(german, 422);
        Map<String, JsonNode> germanByField = byField(german);
        assertEquals("amount.scale", germanByField.get("requestedAmount").get("code").asText());
        assertEquals("darf höchstens zwei Nachkommastellen haben.", germanByField.get("requestedAmount").get("message").asText());
        assertEquals("Das Ende darf nicht vor dem Beginn liegen.", germanByField.get("endDate").get("message").asText());

        Response french = api.send("POST", "/api/applications", nw.token(), body,
                Map.of("Accept-Language", "fr"));
        assertEquals("must have at most two decimal places", byField(french).get("requestedAmount").get("message").asText());
    }

    private static Map<String, JsonNode> byField(Response response) {
        Map<String, JsonNode> errors = new HashMap<>();
        response.json().get("errors").forEach(error -> errors.put(error.get("field").asText(), error));
        return errors;
    }

    private static void assertProblem(Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType(), response.body());
        JsonNode problem = response.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("type"));
        assertTrue(problem.hasNonNull("title"));
        assertTrue(problem.hasNonNull("detail"));
        assertTrue(problem.get("errors").isArray());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("de.foerderregister"), response.body());
        assertFalse(response.body().contains("\tat "), response.body());
    }
}
