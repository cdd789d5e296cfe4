package de.foerderregister.budget;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static de.foerderregister.budget.PaymentSteps.PAID_ON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parallel writers on one application's money: the lock on the application row lets them through one at a time. */
@MicronautTest(transactional = false)
class PaymentRaceTest {

    private static final int PARALLEL = 10;

    @Inject
    TestApi api;

    @Inject
    PaymentSteps steps;

    Account fitko;
    Account fitko2;
    Account finance;
    Account sh;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        fitko2 = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
        sh = api.applicant(StateCode.SH);
    }

    @AfterEach
    void totalsStillMatchTheRows() throws SQLException {
        steps.assertTotalsMatchTheRows();
    }

    @Test
    void tenParallelRequestsOfThirtyPercentOfOneYearThreeAreAccepted() throws Exception {
        long id = steps.approvedOver(fitko, StateCode.SH, 2021, "100000.00");
        List<Response> responses = PaymentSteps.race(PARALLEL, i -> steps.request(sh, id, "30000.00", 2021));

        assertEquals(Map.of(201, 3L, 409, 7L), count(responses), responses.toString());
        assertEquals(List.of("100000.00", "90000.00", "0.00", "0.00", "10000.00"), steps.year(steps.overview(sh, id), 2021));
        assertEquals(3, steps.overview(sh, id).get("payments").size());
        assertEquals(3, steps.actions(sh, id).stream().filter("PAYMENT_REQUESTED"::equals).count());
    }

    @Test
    void tenParallelRequestsOfThirtyPercentAcrossThreeYearsThreeAreAccepted() throws Exception {
        // a third of 300 000 € per year: one request of 90 000 € fits each year, none a second one
        long id = steps.approvedOver(fitko, StateCode.SH, 2021, "100000.00", "100000.00", "100000.00");
        List<Response> responses = PaymentSteps.race(PARALLEL, i -> steps.request(i % 2 == 0 ? sh : fitko, id, "90000.00",
                2021 + i % 3));

        assertEquals(Map.of(201, 3L, 409, 7L), count(responses), responses.toString());
        Set<Integer> years = responses.stream().filter(response -> response.status() == 201)
                .map(response -> response.json().get("year").asInt()).collect(Collectors.toSet());
        assertEquals(Set.of(2021, 2022, 2023), years);
        assertEquals("30000.00", steps.overview(fitko, id).get("totals").get("remaining").decimalValue().toPlainString());
    }

    @Test
    void tenParallelRequestsAgainstUnequalSharesFillEachYearExactly() throws Exception {
        // 60 000 € for 2021 and 40 000 € for 2022: three requests of 20 000 € fit the first year, two the second
        long unequal = steps.approvedOver(fitko, StateCode.SH, 2021, "60000.00", "40000.00");
        List<Response> responses = PaymentSteps.race(PARALLEL, i -> steps.request(sh, unequal, "20000.00", 2021 + i % 2));

        assertEquals(Map.of(201, 5L, 409, 5L), count(responses), responses.toString());
        assertEquals("0.00", steps.overview(sh, unequal).get("totals").get("remaining").decimalValue().toPlainString());
    }

    @Test
    void releaseAndCancelOfTheVersionBothSawExactlyOneWins() throws Exception {
        long id = steps.approvedOver(fitko, StateCode.SH, 2021, "100000.00");
        for (int round = 0; round < 5; round++) {
            long paymentId = steps.requested(sh, id, "1000.00", 2021);
            String path = "/api/applications/" + id + "/payments/" + paymentId;
            Map<String, String> seen = Map.of("If-Match", api.get(sh, path).header("ETag"));
            List<Response> responses = PaymentSteps.race(2, i -> i == 0
                    ? api.send("POST", path + "/release", fitko.token(), null, seen)
                    : api.send("POST", path + "/cancel", sh.token(), Map.of("reason", "doppelt angefordert"), seen));

            assertEquals(Map.of(200, 1L, 412, 1L), count(responses), responses.toString());
            String winner = responses.get(0).status() == 200 ? "RELEASED" : "CANCELLED";
            assertEquals(winner, api.get(sh, path).json().get("status").asText());
        }
    }

    @Test
    void bookingAndCancellingOneReleasedPaymentExactlyOneWins() throws Exception {
        long id = steps.approvedOver(fitko, StateCode.SH, 2021, "100000.00");
        for (int round = 0; round < 5; round++) {
            long paymentId = steps.requested(sh, id, "1000.00", 2021);
            assertEquals(200, steps.release(fitko2, id, paymentId).status());
            List<Response> responses = PaymentSteps.race(2, i -> i == 0
                    ? steps.pay(finance, id, paymentId, PAID_ON, steps.bookingReference())
                    : steps.cancel(fitko, id, paymentId));

            assertEquals(Map.of(200, 1L, 409, 1L), count(responses), responses.toString());
            String winner = responses.get(0).status() == 200 ? "PAID" : "CANCELLED";
            assertEquals(winner, api.get(sh, "/api/applications/" + id + "/payments/" + paymentId).json()
                    .get("status").asText());
        }
    }

    @Test
    void twoBookingsOfOneReferenceOnDifferentApplicationsOneWins() throws Exception {
        long first = steps.approvedOver(fitko, StateCode.SH, 2021, "100000.00");
        long second = steps.approvedOver(fitko, StateCode.SH, 2021, "100000.00");
        long[] applications = {first, second};
        long[] payments = {steps.requested(sh, first, "1000.00", 2021), steps.requested(sh, second, "1000.00", 2021)};
        for (int i = 0; i < 2; i++) {
            assertEquals(200, steps.release(fitko2, applications[i], payments[i]).status());
        }
        String reference = steps.bookingReference();
        List<Response> responses = PaymentSteps.race(2, i -> steps.pay(finance, applications[i], payments[i], PAID_ON,
                reference));

        assertEquals(Map.of(200, 1L, 409, 1L), count(responses), responses.toString());
        Response loser = responses.get(0).status() == 409 ? responses.get(0) : responses.get(1);
        assertEquals(Set.of("bookingReference:payment.bookingReferenceTaken"), PaymentSteps.codes(loser));
    }

    private static Map<Integer, Long> count(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
    }
}
