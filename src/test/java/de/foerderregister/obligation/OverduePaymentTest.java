package de.foerderregister.obligation;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** While a report of the application is overdue, a new payment request answers 409 naming it. */
@MicronautTest(transactional = false)
@Property(name = "registry.obligations.block-payments-when-overdue", value = "true")
class OverduePaymentTest {

    @Inject
    TestApi api;

    @Test
    void aPaymentRequestWaitsUntilEveryOverdueReportIsSubmitted() {
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.applicant(StateCode.NW);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        JsonNode owed = api.get(nw, "/api/applications/" + id + "/obligations").json();
        long interim = owed.get(0).get("id").asLong();
        long finalReport = owed.get(1).get("id").asLong();

        Response refused = request(nw, id);

        assertEquals(409, refused.status(), refused.body());
        assertEquals(List.of(
                        List.of(String.valueOf(interim), "INTERIM", "2021", "2022-04-30"),
                        List.of(String.valueOf(finalReport), "FINAL", "2022", "2023-06-30")),
                overdueArguments(refused.json()));
        assertTrue(refused.json().get("detail").asText().contains("obligation " + interim + ": INTERIM 2021"), refused.body());
        assertEquals(0, api.get(nw, "/api/applications/" + id + "/payments").json().get("payments").size(),
                "nothing written");

        String path = "/api/applications/" + id + "/obligations/";
        assertEquals(200, api.post(nw, path + interim + "/submission", Map.of("text", "Sachbericht 2021")).status());
        Response stillOne = request(nw, id);
        assertEquals(409, stillOne.status(), stillOne.body());
        assertEquals(List.of(List.of(String.valueOf(finalReport), "FINAL", "2022", "2023-06-30")),
                overdueArguments(stillOne.json()));

        assertEquals(200, api.post(nw, path + finalReport + "/submission", Map.of("text", "Verwendungsnachweis")).status());
        assertEquals(201, request(nw, id).status(), "submitted reports are not overdue, even before FITKO reviews them");

        assertEquals(200, api.post(fitko, path + interim + "/return", Map.of("reason", "Belege fehlen")).status());
        assertEquals(409, request(api.account(Role.FITKO, null), id).status(), "a returned report is owed again, FITKO's requests too");
    }

    private Response request(Account account, long applicationId) {
        return api.post(account, "/api/applications/" + applicationId + "/payments",
                Map.of("amount", "1000.00", "year", 2021, "purpose", "Erste Tranche"));
    }

    private static List<List<String>> overdueArguments(JsonNode problem) {
        List<List<String>> named = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            assertEquals("obligations", error.get("field").asText());
            assertEquals("obligation.overdue", error.get("code").asText());
            List<String> arguments = new ArrayList<>();
            error.get("arguments").forEach(argument -> arguments.add(argument.asText()));
            named.add(arguments);
        });
        return named;
    }
}
