package de.foerderregister.application;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dates outside 1990-01-01 … 2100-12-31, sent to every date field of the API: each answers 422
 * naming the field, never 500 and never a date stored shifted (year 0 as 0001).
 */
@MicronautTest(transactional = false)
class DateRangeApiTest {

    static final List<String> OUTSIDE = List.of("9999-01-01", "0000-01-01", "-0001-01-01", "1989-12-31", "2101-01-01");
    static final String MESSAGE = "must lie between 1990-01-01 and 2100-12-31";

    @Inject
    TestApi api;

    Account fitko;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void createRefusesEitherDateOutsideTheCalendar() {
        for (String date : OUTSIDE) {
            for (String field : List.of("startDate", "endDate")) {
                Map<String, Object> body = api.application(StateCode.NW);
                body.put(field, date);
                body.put("annualPlan", null);
                Response refused = api.post(fitko, "/api/applications", body);
                assertEquals(422, refused.status(), field + "=" + date + ": " + refused);
                assertEquals(Map.of(field, MESSAGE), errors(refused), field + "=" + date);
            }
        }
    }

    @Test
    void updateRefusesADateOutsideTheCalendarAndKeepsTheStoredOne() {
        long id = api.create(fitko, api.application(StateCode.NW)).get("id").asLong();
        for (String date : OUTSIDE) {
            Map<String, Object> body = api.application(StateCode.NW);
            body.put("startDate", date);
            body.put("annualPlan", null);
            Response refused = api.put(fitko, "/api/applications/" + id, body, Map.of("If-Match", "\"0\""));
            assertEquals(422, refused.status(), date + ": " + refused);
            assertEquals(Map.of("startDate", MESSAGE), errors(refused), date);
        }
        assertEquals("2021-01-01", api.get(fitko, "/api/applications/" + id).json().get("startDate").asText());
    }

    @Test
    void annualPlanYearsOutsideTheCalendarAreRefused() {
        for (int year : List.of(0, -1, 1989, 2101, 9999)) {
            Map<String, Object> body = api.application(StateCode.NW);
            body.put("annualPlan", List.of(Map.of("year", 2021, "amount", "500000.00"), Map.of("year", year, "amount", "511500.00")));
            Response refused = api.post(fitko, "/api/applications", body);
            assertEquals(422, refused.status(), year + ": " + refused);
            assertEquals(Map.of("annualPlan[1].year", "must lie between 1990 and 2100"), errors(refused), String.valueOf(year));
        }
    }

    @Test
    void decisionAndAmendmentMeetingDatesOutsideTheCalendarAreRefused() {
        long submitted = api.submitted(fitko, StateCode.NW);
        long approved = api.approved(fitko, StateCode.NW, "1011500.00");
        for (String date : OUTSIDE) {
            Map<String, Object> decision = api.decision("APPROVED", "1011500.00");
            decision.put("meetingDate", date);
            Response refused = api.post(fitko, "/api/applications/" + submitted + "/decision", decision);
            assertEquals(422, refused.status(), date + ": " + refused);
            assertTrue(errors(refused).containsKey("meetingDate"), date + ": " + refused);

            Map<String, Object> amendment = new LinkedHashMap<>();
            amendment.put("newApprovedAmount", "1050000.00");
            amendment.put("reason", "Mehrwertsteuer");
            amendment.put("body", "IT-Planungsrat, 34. Sitzung");
            amendment.put("meetingDate", date);
            amendment.put("agendaItem", "TOP 3");
            Response amendmentRefused = api.post(fitko, "/api/applications/" + approved + "/amendments", amendment);
            assertEquals(422, amendmentRefused.status(), date + ": " + amendmentRefused);
            assertTrue(errors(amendmentRefused).containsKey("meetingDate"), date + ": " + amendmentRefused);
            if (!date.equals("9999-01-01") && !date.equals("2101-01-01")) {
                // later days are refused as lying in the future
                assertEquals(MESSAGE, errors(refused).get("meetingDate"));
                assertEquals(MESSAGE, errors(amendmentRefused).get("meetingDate"));
            }
        }
        assertEquals("SUBMITTED", api.get(fitko, "/api/applications/" + submitted).json().get("status").asText());
    }

    @Test
    void queryDatesOutsideTheCalendarAreRefused() {
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        for (String date : OUTSIDE) {
            assertRefused(api.get(fitko, "/api/applications/" + id + "?asOf=" + date), "asOf");
            assertRefused(api.get(fitko, "/api/reports/budget-summary?asOf=" + date), "asOf");
            assertRefused(api.get(fitko, "/api/reports/decision-list?format=csv&meetingDate=" + date), "meetingDate");
        }
        assertRefused(api.get(fitko, "/api/reports/budget-summary?year=0"), "year");
        assertEquals(200, api.get(fitko, "/api/applications/" + id + "?asOf=2021-01-19").status());
        assertEquals(200, api.get(fitko, "/api/reports/budget-summary?asOf=2021-01-19&year=2021").status());
    }

    private static void assertRefused(Response response, String field) {
        assertEquals(422, response.status(), response.toString());
        assertEquals(List.of(field), List.copyOf(errors(response).keySet()), response.toString());
    }

    private static Map<String, String> errors(Response response) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode list = response.json().get("errors");
        StreamSupport.stream(list.spliterator(), false)
                .forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        return errors;
    }
}
