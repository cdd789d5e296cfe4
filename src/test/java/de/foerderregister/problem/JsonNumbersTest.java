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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Amounts sent as raw JSON numbers reach the rules exactly as written: no {@code double} on the
 * way rounds 100.000000000000000001 to 100 behind the client's back.
 */
@MicronautTest(transactional = false)
class JsonNumbersTest {

    @Inject
    TestApi api;

    Account nw;

    @BeforeEach
    void account() {
        nw = api.account(Role.STATE, StateCode.NW);
    }

    @Test
    void aNumberWithMoreThanTwoDecimalsIsRefusedAsANumberAndAsAString() {
        for (String amount : new String[]{"100.000000000000000001", "100.001", "\"100.000000000000000001\"", "1.00001e2"}) {
            Response refused = create(amount, "null");
            assertEquals(422, refused.status(), amount + ": " + refused);
            JsonNode error = refused.json().get("errors").get(0);
            assertEquals("requestedAmount", error.get("field").asText(), amount);
            assertEquals("must have at most two decimal places", error.get("message").asText(), amount);
        }
    }

    @Test
    void annualPlanAmountsAreReadExactlyToo() {
        Response refused = create("100.00", "[{\"year\": 2021, \"amount\": 100.000000000000000001}]");
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("annualPlan[0].amount", refused.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void wholeAndExponentNumbersWithCentsStillWork() {
        for (Map.Entry<String, String> amount : Map.of("100.00", "100.00", "1e2", "100.00", "1011500.5", "1011500.50",
                "100", "100.00").entrySet()) {
            Response created = create(amount.getKey(), "null");
            assertEquals(201, created.status(), amount.getKey() + ": " + created);
            assertEquals(amount.getValue(), created.json().get("requestedAmount").decimalValue().toPlainString());
        }
    }

    private Response create(String requestedAmount, String annualPlan) {
        String body = "{\"title\": \"" + api.unique("Zahl") + "\", \"ownerState\": \"NW\", \"type\": \"STANDARD\","
                + " \"fundingSource\": \"DIGITALISATION_BUDGET\", \"startDate\": \"2021-01-01\", \"endDate\": \"2021-12-31\","
                + " \"requestedAmount\": " + requestedAmount + ", \"annualPlan\": " + annualPlan + "}";
        return api.send("POST", "/api/applications", nw.token(), body, Map.of());
    }
}
