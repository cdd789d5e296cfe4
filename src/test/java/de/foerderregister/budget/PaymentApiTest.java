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
import java.util.Set;

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
        assertEquals(Set.of("applicationId", "years", "totals", "payments", "repayments"), names(overview));
        assertEquals(Set.of("year", "approved", "claimed", "paid", "repaid", "remaining"), names(overview.get("years").get(0)));
        assertEquals(Set.of("approved", "claimed", "paid", "repaid", "remaining"), names(overview.get("totals")));
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

    @Test
    void everyRoleOnEveryMove() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        Account admin = api.account(Role.ADMIN, null);
        Account by = api.account(Role.STATE, StateCode.BY);
        Account otherSt = api.account(Role.STATE, StateCode.ST);

        // request: the application's state or FITKO; finance and admin never; another state does not see it
        assertEquals(403, steps.request(finance, id, "1000.00", 2021).status());
        assertEquals(403, steps.request(admin, id, "1000.00", 2021).status());
        assertEquals(404, steps.request(by, id, "1000.00", 2021).status());
        long byState = steps.requested(st, id, "1000.00", 2021);
        long byFitko = steps.requested(fitko, id, "1000.00", 2021);

        // release: FITKO, but never the user who requested
        assertEquals(403, steps.release(fitko, id, byFitko).status(), "the requester releasing their own request");
        assertEquals(403, steps.release(st, id, byState).status());
        assertEquals(403, steps.release(finance, id, byState).status());
        assertEquals(403, steps.release(by, id, byState).status());
        assertEquals(200, steps.release(fitko2, id, byFitko).status());
        assertEquals(200, steps.release(fitko, id, byState).status());

        // paid: finance only
        assertEquals(403, steps.pay(fitko, id, byState, PAID_ON, steps.bookingReference()).status());
        assertEquals(403, steps.pay(st, id, byState, PAID_ON, steps.bookingReference()).status());
        assertEquals(403, steps.pay(admin, id, byState, PAID_ON, steps.bookingReference()).status());
        assertEquals(200, steps.pay(finance, id, byState, PAID_ON, steps.bookingReference()).status());

        // reject: FITKO only
        long toReject = steps.requested(st, id, "1000.00", 2022);
        assertEquals(403, steps.reject(st, id, toReject).status());
        assertEquals(403, steps.reject(finance, id, toReject).status());
        assertEquals(403, steps.reject(by, id, toReject).status());
        Response rejected = steps.reject(fitko, id, toReject);
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.json().get("status").asText());
        assertEquals("Verwendungsnachweis fehlt", rejected.json().get("closedReason").asText());
        assertEquals(fitko.username(), rejected.json().get("closedBy").asText());

        // cancel: the requester or FITKO, before it is paid
        long toCancel = steps.requested(st, id, "1000.00", 2022);
        assertEquals(403, steps.cancel(otherSt, id, toCancel).status(), "a colleague of the requester");
        assertEquals(403, steps.cancel(finance, id, toCancel).status());
        assertEquals(404, steps.cancel(by, id, toCancel).status());
        assertEquals(200, steps.cancel(st, id, toCancel).status());
        long cancelledByFitko = steps.requested(st, id, "1000.00", 2022);
        assertEquals(200, steps.release(fitko, id, cancelledByFitko).status());
        assertEquals("CANCELLED", steps.cancel(fitko2, id, cancelledByFitko).json().get("status").asText());
        assertEquals(200, steps.cancel(fitko, id, byFitko).status(), "released, not yet paid");

        // reads: the state's own, FITKO and finance all; another state 404, admin 403
        assertEquals(200, api.get(st, "/api/applications/" + id + "/payments").status());
        assertEquals(200, api.get(finance, "/api/applications/" + id + "/payments").status());
        assertEquals(404, api.get(by, "/api/applications/" + id + "/payments").status());
        assertEquals(404, api.get(by, "/api/applications/" + id + "/payments/" + byState).status());
        assertEquals(403, api.get(admin, "/api/applications/" + id + "/payments").status());
        assertEquals(404, api.get(fitko, "/api/applications/" + id + "/payments/999999999").status());
        long other = api.approved(fitko, StateCode.ST, "1000.00");
        assertEquals(404, steps.release(fitko, other, byState).status(), "a payment is reached through its own application");
        assertEquals(List.of("PAID", "CANCELLED", "REJECTED", "CANCELLED", "CANCELLED"),
                statuses(steps.overview(st, id)));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        String path = "/api/applications/" + id + "/payments";
        assertEquals(Set.of("amount:amount.positive"), PaymentSteps.codes(steps.request(st, id, "0.00", 2021)));
        assertEquals(Set.of("amount:amount.positive"), PaymentSteps.codes(steps.request(st, id, "-5.00", 2021)));
        assertEquals(Set.of("amount:amount.scale"), PaymentSteps.codes(steps.request(st, id, "10.001", 2021)));
        assertEquals(Set.of("amount:amount.tooLarge"), PaymentSteps.codes(steps.request(st, id, "1000000000000", 2021)));
        Response outside = steps.request(st, id, "10.00", 2023);
        assertEquals(422, outside.status(), outside.body());
        assertEquals(Set.of("year:plan.yearOutsideRuntime"), PaymentSteps.codes(outside));
        assertEquals(List.of("2021", "2022"), PaymentSteps.arguments(outside, "plan.yearOutsideRuntime"));
        assertEquals(Set.of("year:date.calendar"), PaymentSteps.codes(steps.request(st, id, "10.00", 3000)));
        Response empty = api.post(st, path, Map.of("purpose", " "));
        assertEquals(422, empty.status());
        assertEquals(Set.of("amount:required", "year:required", "purpose:required"), PaymentSteps.codes(empty));
        assertEquals(Set.of("purpose:text.maxLength"), PaymentSteps.codes(api.post(st, path,
                Map.of("amount", "10.00", "year", 2021, "purpose", "x".repeat(1001)))));
        assertEquals(Set.of("purpose:text.bidiControlCharacter"), PaymentSteps.codes(api.post(st, path,
                Map.of("amount", "10.00", "year", 2021, "purpose", "Tranche \u202E1"))));
        Response unreadable = api.post(st, path, Map.of("amount", "zehn Euro", "year", "2021/22", "purpose", "Tranche"));
        assertEquals(400, unreadable.status(), unreadable.body());
        assertEquals(Set.of("amount", "year"), fields(unreadable));

        long paymentId = steps.requested(st, id, "1000.00", 2021);
        assertEquals(200, steps.release(fitko, id, paymentId).status());
        String tomorrow = java.time.LocalDate.now().plusDays(2).toString();
        assertEquals(Set.of("paidOn:date.future"), PaymentSteps.codes(steps.pay(finance, id, paymentId, tomorrow, "HKR-1")));
        Response beforeApproval = steps.pay(finance, id, paymentId, "2021-01-18", steps.bookingReference());
        assertEquals(422, beforeApproval.status(), beforeApproval.body());
        assertEquals(List.of("2021-01-19"), PaymentSteps.arguments(beforeApproval, "date.beforeApproval"));
        assertEquals(Set.of("paidOn:date.calendar"), PaymentSteps.codes(steps.pay(finance, id, paymentId, "1989-12-31", "HKR-1")));
        String booking = path + "/" + paymentId + "/paid";
        assertEquals(Set.of("paidOn:required", "bookingReference:required"),
                PaymentSteps.codes(api.post(finance, booking, Map.of("bookingReference", ""))));
        assertEquals(Set.of("bookingReference:text.maxLength"),
                PaymentSteps.codes(steps.pay(finance, id, paymentId, PAID_ON, "R".repeat(65))));
        assertEquals(Set.of("bookingReference:text.controlCharacter"),
                PaymentSteps.codes(steps.pay(finance, id, paymentId, PAID_ON, "HKR\u00072021")));
        assertEquals(400, api.post(finance, booking, Map.of("paidOn", "01.03.2021", "bookingReference", "HKR-1")).status());
        assertEquals(Set.of("reason:required"), PaymentSteps.codes(api.post(fitko, path + "/" + paymentId + "/reject", Map.of())));
        assertEquals(Set.of("reason:required"), PaymentSteps.codes(api.post(st, path + "/" + paymentId + "/cancel",
                Map.of("reason", "  "))));
        assertEquals("RELEASED", api.get(st, path + "/" + paymentId).json().get("status").asText(), "nothing was changed");
        String longest = steps.bookingReference();
        longest = longest + "-" + "R".repeat(64 - longest.length() - 1);
        assertEquals(200, steps.pay(finance, id, paymentId, PAID_ON, longest).status(), "64 characters are fine");
    }

    @Test
    void aPaidPaymentIsNeverChangedAgain() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        long paymentId = steps.paid(st, fitko, finance, id, "1000.00", 2021);
        String path = "/api/applications/" + id + "/payments/" + paymentId;
        Response before = api.get(fitko, path);
        for (Response refused : List.of(steps.release(fitko2, id, paymentId),
                steps.pay(finance, id, paymentId, PAID_ON, steps.bookingReference()),
                steps.reject(fitko, id, paymentId), steps.cancel(fitko, id, paymentId), steps.cancel(st, id, paymentId))) {
            assertEquals(409, refused.status(), refused.body());
            assertEquals(0, refused.json().get("allowedStatuses").size(), refused.body());
        }
        assertEquals(before.body(), api.get(fitko, path).body());
        assertEquals(before.header("ETag"), api.get(fitko, path).header("ETag"));
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "PAYMENT_REQUESTED", "PAYMENT_RELEASED", "PAYMENT_PAID"),
                steps.actions(fitko, id));
    }

    @Test
    void aMoveOutOfTurnNamesTheAllowedMovesAndAStaleIfMatchIsRefused() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        long paymentId = steps.requested(st, id, "1000.00", 2021);
        Response early = steps.pay(finance, id, paymentId, PAID_ON, steps.bookingReference());
        assertEquals(409, early.status(), early.body());
        assertEquals(List.of("RELEASED", "REJECTED", "CANCELLED"), strings(early.json().get("allowedStatuses")));
        String path = "/api/applications/" + id + "/payments/" + paymentId;
        Response stale = api.send("POST", path + "/release", fitko.token(), null, Map.of("If-Match", "\"7\""));
        assertEquals(412, stale.status(), stale.body());
        Response current = api.send("POST", path + "/release", fitko.token(), null, Map.of("If-Match", "\"0\""));
        assertEquals(200, current.status(), current.body());
        Response twice = steps.release(fitko2, id, paymentId);
        assertEquals(409, twice.status());
        assertEquals(List.of("PAID", "REJECTED", "CANCELLED"), strings(twice.json().get("allowedStatuses")));
        assertEquals(200, steps.reject(fitko, id, paymentId).status());
        assertEquals(409, steps.cancel(st, id, paymentId).status(), "a rejected payment is closed");
    }

    @Test
    void paymentsBelongToApprovedApplicationsOnly() {
        long submitted = api.submitted(StateCode.ST);
        Response refused = steps.request(st, submitted, "1000.00", 2021);
        assertEquals(409, refused.status(), refused.body());
        assertEquals(0, steps.overview(st, submitted).get("payments").size());
        assertEquals(409, steps.repay(finance, submitted, "1.00", 2021).status());
    }

    @Test
    void requestsBeyondTheApprovalOrTheYearsShareAreRefusedNamingWhatRemains() {
        long id = steps.approvedOver(fitko, StateCode.ST, 2021, "100000.00", "100000.00");
        steps.requested(st, id, "60000.00", 2021);
        steps.paid(st, fitko, finance, id, "30000.00", 2021);

        Response yearShare = steps.request(st, id, "10000.01", 2021);
        assertEquals(409, yearShare.status(), yearShare.body());
        assertEquals(Set.of("amount:payment.aboveYearShare"), PaymentSteps.codes(yearShare));
        assertEquals(List.of("2021", "100000.00", "90000.00", "10000.00"),
                PaymentSteps.arguments(yearShare, "payment.aboveYearShare"));
        assertEquals(201, steps.request(st, id, "10000.00", 2021).status(), "exactly what remains");

        // 2022's whole share and a cent more also exceeds the approval in all
        Response both = steps.request(fitko, id, "100000.01", 2022);
        assertEquals(409, both.status(), both.body());
        assertEquals(Set.of("amount:payment.aboveYearShare", "amount:payment.aboveApproved"), PaymentSteps.codes(both));
        assertEquals(List.of("200000.00", "100000.00", "100000.00"), PaymentSteps.arguments(both, "payment.aboveApproved"));

        // a repayment frees its amount of the year again; rejected and cancelled payments hold nothing
        assertEquals(201, steps.repay(finance, id, "5000.00", 2021).status());
        assertEquals(List.of("100000.00", "100000.00", "30000.00", "5000.00", "5000.00"),
                steps.year(steps.overview(st, id), 2021));
        long rejected = steps.requested(st, id, "5000.00", 2021);
        assertEquals(200, steps.reject(fitko, id, rejected).status());
        assertEquals(List.of("100000.00", "100000.00", "30000.00", "5000.00", "5000.00"),
                steps.year(steps.overview(st, id), 2021));
    }

    @Test
    void repaymentsComeOnlyFromWhatWasPaidForTheYear() {
        long id = steps.approvedOver(fitko, StateCode.ST, 2021, "100000.00", "100000.00");
        steps.paid(st, fitko, finance, id, "40000.00", 2021);
        steps.requested(st, id, "20000.00", 2022);

        assertEquals(403, steps.repay(fitko, id, "1.00", 2021).status());
        assertEquals(403, steps.repay(st, id, "1.00", 2021).status());
        Response unpaidYear = steps.repay(finance, id, "1.00", 2022);
        assertEquals(409, unpaidYear.status(), unpaidYear.body());
        assertEquals(List.of("2022", "0.00", "0.00", "0.00"), PaymentSteps.arguments(unpaidYear, "repayment.abovePaid"));
        assertEquals(201, steps.repay(finance, id, "15000.00", 2021).status());
        Response tooMuch = steps.repay(finance, id, "25000.01", 2021);
        assertEquals(409, tooMuch.status(), tooMuch.body());
        assertEquals(List.of("2021", "40000.00", "15000.00", "25000.00"), PaymentSteps.arguments(tooMuch, "repayment.abovePaid"));
        assertEquals(201, steps.repay(finance, id, "25000.00", 2021).status());

        String path = "/api/applications/" + id + "/repayments";
        assertEquals(Set.of("amount:required", "year:required", "receivedOn:required", "reason:required"),
                PaymentSteps.codes(api.post(finance, path, Map.of())));
        assertEquals(Set.of("receivedOn:date.future", "amount:amount.scale"), PaymentSteps.codes(api.post(finance, path,
                Map.of("amount", "1.001", "year", 2021, "receivedOn", java.time.LocalDate.now().plusDays(2).toString(),
                        "reason", "Rückforderung"))));
        assertEquals(Set.of("year:plan.yearOutsideRuntime"), PaymentSteps.codes(steps.repay(finance, id, "1.00", 2020)));
        assertEquals(List.of("100000.00", "40000.00", "40000.00", "40000.00", "100000.00"),
                steps.year(steps.overview(finance, id), 2021));
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "PAYMENT_REQUESTED", "PAYMENT_RELEASED", "PAYMENT_PAID",
                "PAYMENT_REQUESTED", "REPAYMENT_RECORDED", "REPAYMENT_RECORDED"), steps.actions(finance, id));
    }

    @Test
    void aBookingReferenceBelongsToOnePayment() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        long first = steps.paid(st, fitko, finance, id, "1000.00", 2021);
        String reference = api.get(fitko, "/api/applications/" + id + "/payments/" + first).json()
                .get("bookingReference").asText();
        long secondApplication = api.approved(fitko, StateCode.ST, "1011500.00");
        long second = steps.requested(st, secondApplication, "1000.00", 2021);
        assertEquals(200, steps.release(fitko, secondApplication, second).status());
        Response taken = steps.pay(finance, secondApplication, second, PAID_ON, " " + reference + " ");
        assertEquals(409, taken.status(), taken.body());
        assertEquals(List.of(reference, Long.toString(first)),
                PaymentSteps.arguments(taken, "payment.bookingReferenceTaken"));
        assertEquals("RELEASED", api.get(fitko, "/api/applications/" + secondApplication + "/payments/" + second).json()
                .get("status").asText());
    }

    @Test
    void workListsShowEachRoleTheirPaymentsWithTheApplication() {
        Account hb = api.applicant(StateCode.HB);
        long id = api.approved(fitko, StateCode.HB, "1011500.00");
        long requested = steps.requested(hb, id, "1000.00", 2021);
        long released = steps.requested(hb, id, "2000.00", 2022);
        assertEquals(200, steps.release(fitko, id, released).status());
        JsonNode application = api.get(fitko, "/api/applications/" + id).json();

        JsonNode toRelease = api.get(fitko, "/api/payments?status=REQUESTED&ownerState=HB&size=100").json();
        JsonNode row = rowOf(toRelease, requested);
        assertEquals(application.get("reference").asText(), row.get("reference").asText());
        assertEquals(application.get("title").asText(), row.get("title").asText());
        assertEquals(id, row.get("applicationId").asLong());
        assertEquals("HB", row.get("ownerState").asText());
        assertEquals("DIGITALISATION_BUDGET", row.get("fundingSource").asText());
        assertEquals("1000.00", row.get("amount").decimalValue().toPlainString());
        toRelease.get("content").forEach(each -> assertEquals("REQUESTED", each.get("status").asText()));
        assertEquals(null, rowOrNull(toRelease, released));

        JsonNode toBook = api.get(finance, "/api/payments?status=RELEASED&year=2022&size=100").json();
        assertEquals("2000.00", rowOf(toBook, released).get("amount").decimalValue().toPlainString());
        toBook.get("content").forEach(each -> assertEquals(2022, each.get("year").asInt()));

        // a state sees its own payments only, whatever it asks for
        Account by = api.account(Role.STATE, StateCode.BY);
        JsonNode foreign = api.get(by, "/api/payments?ownerState=HB&size=100").json();
        foreign.get("content").forEach(each -> assertEquals("BY", each.get("ownerState").asText()));
        assertEquals(null, rowOrNull(foreign, requested));
        assertEquals(2, api.get(hb, "/api/payments?size=100").json().get("content").findValues("id").stream()
                .filter(node -> node.asLong() == requested || node.asLong() == released).count());

        JsonNode page = api.get(fitko, "/api/payments?ownerState=HB&size=1&page=0").json();
        assertEquals(1, page.get("content").size());
        assertTrue(page.get("totalSize").asLong() >= 2, page.toString());
        assertEquals(403, api.get(api.account(Role.ADMIN, null), "/api/payments").status());
        assertEquals(400, api.get(fitko, "/api/payments?status=OPEN").status());
        assertEquals(400, api.get(fitko, "/api/payments?page=-1").status());
        assertEquals(422, api.get(fitko, "/api/payments?year=3000").status());
    }

    @Test
    void anAmendmentThatTakesEffectCannotCutBelowWhatPaymentsHold() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        steps.paid(st, fitko, finance, id, "380000.00", 2021);
        long open = steps.requested(st, id, "100000.00", 2021);
        Response before = api.get(fitko, "/api/applications/" + id);
        List<String> history = steps.actions(fitko, id);

        // 950 000 € is only 6 % less, so it would take effect at once; 2021's share would fall below its 480 000 €
        Response yearCut = amend(fitko, id, "950000.00");
        assertEquals(409, yearCut.status(), yearCut.body());
        assertEquals(Set.of("newApprovedAmount:amendment.yearBelowClaims"), PaymentSteps.codes(yearCut));
        List<String> arguments = PaymentSteps.arguments(yearCut, "amendment.yearBelowClaims");
        assertEquals("2021", arguments.get(0));
        assertTrue(new java.math.BigDecimal(arguments.get(1)).compareTo(new java.math.BigDecimal("480000.00")) < 0, arguments.toString());
        assertEquals("480000.00", arguments.get(2));

        steps.requested(st, id, "500000.00", 2022);
        Response totalCut = amend(fitko, id, "950000.00");
        assertEquals(409, totalCut.status(), totalCut.body());
        assertEquals(List.of("950000.00", "980000.00"), PaymentSteps.arguments(totalCut, "amendment.belowClaims"));
        assertEquals(3, totalCut.json().get("errors").size(), "the total and both years: " + totalCut.body());

        // nothing of a refused amendment was written
        Response after = api.get(fitko, "/api/applications/" + id);
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals("1011500.00", after.json().get("approvedAmount").decimalValue().toPlainString());
        assertEquals(0, api.get(fitko, "/api/applications/" + id + "/amendments").json().size());
        assertEquals(history.size() + 1, steps.actions(fitko, id).size(), "only the request of 2022");

        // once the open request is cancelled the same cut fits
        assertEquals(200, steps.cancel(st, id, open).status());
        assertEquals(201, amend(fitko, id, "1000000.00").status());
        JsonNode overview = steps.overview(st, id);
        assertEquals("1000000.00", overview.get("totals").get("approved").decimalValue().toPlainString());
        assertEquals("120000.00", overview.get("totals").get("remaining").decimalValue().toPlainString());
    }

    @Test
    void aConfirmedCutBelowWhatPaymentsHoldIsRefusedAndStaysProposed() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        steps.paid(st, fitko, finance, id, "300000.00", 2021);
        Response proposed = amend(fitko, id, "500000.00");
        assertEquals(201, proposed.status(), proposed.body());
        assertEquals("PROPOSED", proposed.json().get("amendment").get("state").asText());
        long amendmentId = proposed.json().get("amendment").get("id").asLong();
        steps.requested(st, id, "150000.00", 2021);

        String amendments = "/api/applications/" + id + "/amendments";
        Response confirmed = api.post(fitko2, amendments + "/" + amendmentId + "/confirm", null);
        assertEquals(409, confirmed.status(), confirmed.body());
        assertTrue(PaymentSteps.codes(confirmed).contains("newApprovedAmount:amendment.yearBelowClaims"), confirmed.body());
        assertEquals("PROPOSED", api.get(fitko, amendments).json().get(0).get("state").asText());
        assertEquals("1011500.00", api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").decimalValue()
                .toPlainString());
        assertEquals(200, api.post(fitko2, amendments + "/" + amendmentId + "/decline", null).status());
    }

    private Response amend(Account account, long id, String newApprovedAmount) {
        return api.post(account, "/api/applications/" + id + "/amendments", Map.of("newApprovedAmount", newApprovedAmount,
                "reason", "Umfang des Projekts verringert", "body", "Abteilungsleiterrunde", "meetingDate", "2021-03-02",
                "agendaItem", "TOP 04"));
    }

    private static JsonNode rowOf(JsonNode page, long paymentId) {
        JsonNode row = rowOrNull(page, paymentId);
        if (row == null) {
            throw new AssertionError("payment " + paymentId + " not in " + page);
        }
        return row;
    }

    private static JsonNode rowOrNull(JsonNode page, long paymentId) {
        for (JsonNode row : page.get("content")) {
            if (row.get("id").asLong() == paymentId) {
                return row;
            }
        }
        return null;
    }

    private static List<String> statuses(JsonNode overview) {
        return strings(overview.get("payments").findValues("status"));
    }

    private static List<String> strings(Iterable<JsonNode> nodes) {
        List<String> strings = new java.util.ArrayList<>();
        nodes.forEach(node -> strings.add(node.asText()));
        return strings;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fields(Response problem) {
        Set<String> fields = new java.util.HashSet<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
