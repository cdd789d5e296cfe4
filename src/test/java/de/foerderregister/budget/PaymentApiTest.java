package de.foerderregister.budget;

import com.fasterxml.jackson.databind.JsonNode;
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

import static de.foerderregister.budget.PaymentSteps.PAID_ON;
import static de.foerderregister.budget.PaymentSteps.changes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A payment's life as each role sees it over HTTP, with the rules that hold at every step. */
@MicronautTest(transactional = false)
class PaymentApiTest {

    @Inject
    TestApi api;

    @Inject
    PaymentSteps steps;

    Account fitko;
    Account fitko2;
    Account finance;
    Account st;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        fitko2 = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
        st = api.applicant(StateCode.ST);
    }

    @AfterEach
    void totalsStillMatchTheRows() throws SQLException {
        steps.assertTotalsMatchTheRows();
    }

    @Test
    void requestedReleasedPaidAndPartlyRepaid() {
        // the minutes' Digitales Schulzeugnis: 500 000 € planned for 2021, 511 500 € for 2022
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        String payments = "/api/applications/" + id + "/payments";

        Response requested = api.post(st, payments, Map.of("amount", "300000.00", "year", 2021,
                "purpose", "Erste Tranche: Konzeption und Ausschreibung"));
        assertEquals(201, requested.status(), requested.body());
        long paymentId = requested.json().get("id").asLong();
        assertEquals(payments + "/" + paymentId, requested.header("Location"));
        assertEquals("\"0\"", requested.header("ETag"));
        assertEquals("REQUESTED", requested.json().get("status").asText());
        assertEquals(st.username(), requested.json().get("requestedBy").asText());
        assertEquals("300000.00", requested.json().get("amount").decimalValue().toPlainString());
        assertEquals(200, api.get(st, requested.header("Location")).status());

        Response released = steps.release(fitko, id, paymentId);
        assertEquals(200, released.status(), released.body());
        assertEquals("RELEASED", released.json().get("status").asText());
        assertEquals(fitko.username(), released.json().get("releasedBy").asText());
        assertEquals("\"1\"", released.header("ETag"));

        Response paid = steps.pay(finance, id, paymentId, PAID_ON, "HKR-2021-004711-" + paymentId);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.json().get("status").asText());
        assertEquals(PAID_ON, paid.json().get("paidOn").asText());
        assertEquals("HKR-2021-004711-" + paymentId, paid.json().get("bookingReference").asText());
        assertEquals(finance.username(), paid.json().get("paidBy").asText());

        JsonNode overview = steps.overview(st, id);
        assertEquals(List.of("500000.00", "300000.00", "300000.00", "0.00", "200000.00"), steps.year(overview, 2021));
        assertEquals(List.of("511500.00", "0.00", "0.00", "0.00", "511500.00"), steps.year(overview, 2022));
        assertEquals(List.of("1011500.00", "300000.00", "300000.00", "0.00", "711500.00"),
                PaymentSteps.figures(overview.get("totals")));

        Response repaid = api.post(finance, "/api/applications/" + id + "/repayments", Map.of("amount", "50000.00",
                "year", 2021, "receivedOn", "2021-06-30", "reason", "Minderausgaben bei der Ausschreibung"));
        assertEquals(201, repaid.status(), repaid.body());
        assertEquals(200, api.get(st, repaid.header("Location")).status());
        overview = steps.overview(fitko, id);
        assertEquals(List.of("500000.00", "300000.00", "300000.00", "50000.00", "250000.00"), steps.year(overview, 2021));
        assertEquals(1, overview.get("payments").size());
        assertEquals(1, overview.get("repayments").size());
        assertEquals("Minderausgaben bei der Ausschreibung", overview.get("repayments").get(0).get("reason").asText());

        JsonNode history = api.get(st, "/api/applications/" + id + "/history").json();
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "PAYMENT_REQUESTED", "PAYMENT_RELEASED", "PAYMENT_PAID",
                "REPAYMENT_RECORDED"), steps.actions(st, id));
        Map<String, List<String>> request = changes(history.get(3));
        assertEquals(List.of("null", Long.toString(paymentId)), request.get("payment.id"));
        assertEquals(List.of("null", "300000.00"), request.get("payment.amount"));
        assertEquals(List.of("null", "2021"), request.get("payment.year"));
        assertEquals(List.of("null", "REQUESTED"), request.get("payment.status"));
        assertEquals(List.of("REQUESTED", "RELEASED"), changes(history.get(4)).get("payment.status"));
        Map<String, List<String>> booking = changes(history.get(5));
        assertEquals(List.of("RELEASED", "PAID"), booking.get("payment.status"));
        assertEquals(List.of("null", PAID_ON), booking.get("payment.paidOn"));
        assertEquals(finance.username(), history.get(5).get("actor").asText());
        Map<String, List<String>> repayment = changes(history.get(6));
        assertEquals(List.of("null", "50000.00"), repayment.get("repayment.amount"));
        assertEquals(List.of("null", "2021"), repayment.get("repayment.year"));
    }
}
