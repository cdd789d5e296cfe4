package de.foerderregister.budget;

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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static de.foerderregister.budget.EnvelopeApiTest.DIGITAL;
import static de.foerderregister.budget.EnvelopeApiTest.actions;
import static de.foerderregister.budget.EnvelopeApiTest.changes;
import static de.foerderregister.budget.EnvelopeApiTest.pair;
import static de.foerderregister.budget.EnvelopeApiTest.texts;
import static de.foerderregister.budget.OverCommitmentTest.amendment;
import static de.foerderregister.budget.OverCommitmentTest.carryOver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Übertragung: FITKO moves an unpaid approved share into a later year of the runtime. The approved
 * amount stays, the year split and the yearly figures follow; not more than what payments do not
 * hold yet; and an amendment can no longer cut the year a carry-over drew from below what it gave.
 */
@MicronautTest(transactional = false)
class CarryOverApiTest {

    @Inject
    TestApi api;

    @Inject
    BudgetSql sql;

    Account fitko;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void onlyFitkoCarriesOverAndTheStateSeesItsOwn() {
        int year = api.unusedYears(2);
        long id = api.approved(fitko, api.application(StateCode.NW, year, year + 1, "200000.00"), "200000.00");
        String path = "/api/applications/" + id + "/carry-overs";
        Map<String, Object> body = carryOver(year, year + 1, "1000.00");
        Account own = api.applicant(StateCode.NW);
        Account other = api.applicant(StateCode.BY);

        assertEquals(403, api.post(api.account(Role.FINANCE, null), path, body).status());
        assertEquals(403, api.post(own, path, body).status());
        assertEquals(403, api.post(other, path, body).status());
        assertEquals(403, api.post(api.account(Role.ADMIN, null), path, body).status());
        Response carried = api.post(fitko, path, body);
        assertEquals(201, carried.status(), carried.body());
        assertEquals(404, api.post(fitko, "/api/applications/999999999/carry-overs", body).status());

        for (Account reader : List.of(fitko, own, api.account(Role.FINANCE, null))) {
            Response list = api.get(reader, path);
            assertEquals(200, list.status(), reader.role().name());
            assertEquals(1, list.json().size());
            assertEquals(carried.json().get("id").asLong(), list.json().get(0).get("id").asLong());
            assertEquals(200, api.get(reader, "/api/applications/" + id + "/years").status());
        }
        assertEquals(404, api.get(other, path).status(), "another state's application is not there for them");
        assertEquals(404, api.get(other, "/api/applications/" + id + "/years").status());
    }

    @Test
    void theRulesOfYearsAmountsAndStatus() {
        int year = api.unusedYears(3);
        long id = api.approved(fitko, api.application(StateCode.HB, year, year + 1, "200000.00"), "200000.00");
        String path = "/api/applications/" + id + "/carry-overs";

        assertRefused(path, carryOver(year + 1, year + 1, "1.00"), 422, "toYear carryOver.yearOrder");
        assertRefused(path, carryOver(year + 1, year, "1.00"), 422, "toYear carryOver.yearOrder");
        Response outside = assertRefused(path, carryOver(year, year + 2, "1.00"), 422, "toYear carryOver.yearOutsideRuntime");
        assertEquals(List.of(String.valueOf(year), String.valueOf(year + 1)), texts(outside.json().get("errors").get(0).get("arguments")));
        assertRefused(path, carryOver(year - 1, year, "1.00"), 422, "fromYear carryOver.yearOutsideRuntime");
        assertRefused(path, carryOver(year, year + 1, "0.00"), 422, "amount amount.positive");
        assertRefused(path, carryOver(year, year + 1, "1.001"), 422, "amount amount.scale");
        Map<String, Object> noReason = carryOver(year, year + 1, "1.00");
        noReason.remove("reason");
        assertRefused(path, noReason, 422, "reason required");
        Map<String, Object> noYear = carryOver(year, year + 1, "1.00");
        noYear.remove("fromYear");
        assertRefused(path, noYear, 422, "fromYear required");

        long submitted = api.filed(api.application(StateCode.HB, year, year + 1, "200000.00"));
        assertEquals(409, api.post(fitko, "/api/applications/" + submitted + "/carry-overs", carryOver(year, year + 1, "1.00")).status());
        assertEquals(0, api.get(fitko, path).json().size(), "nothing refused was stored");
    }

    @Test
    void notMoreThanWhatPaymentsDoNotHoldOfTheGivingYear() {
        int year = api.unusedYears(2);
        long id = api.approved(fitko, api.application(StateCode.SH, year, year + 1, "300000.00"), "300000.00");
        String path = "/api/applications/" + id + "/carry-overs";
        BigDecimal share = shares(id).get(0).get("approved").decimalValue();

        Response all = api.post(fitko, path, carryOver(year, year + 1, share.add(new BigDecimal("0.01")).toPlainString()));
        assertEquals(409, all.status(), all.body());
        JsonNode error = all.json().get("errors").get(0);
        assertEquals("amount", error.get("field").asText());
        assertEquals("carryOver.moreThanUnpaid", error.get("code").asText());
        assertEquals(List.of(String.valueOf(year), share.toPlainString()), texts(error.get("arguments")));

        // a payment request holds its money; a rejected one holds nothing
        payment(id, year, "50000.00", "REQUESTED");
        payment(id, year, "70000.00", "REJECTED");
        BigDecimal unpaid = share.subtract(new BigDecimal("50000.00"));
        Response beyond = api.post(fitko, path, carryOver(year, year + 1, unpaid.add(new BigDecimal("0.01")).toPlainString()));
        assertEquals(409, beyond.status(), beyond.body());
        assertEquals(List.of(String.valueOf(year), unpaid.toPlainString()), texts(beyond.json().get("errors").get(0).get("arguments")));

        Response rest = api.post(fitko, path, carryOver(year, year + 1, unpaid.toPlainString()));
        assertEquals(201, rest.status(), rest.body());
        Response more = api.post(fitko, path, carryOver(year, year + 1, "0.01"));
        assertEquals(409, more.status(), more.body());
        assertEquals(List.of(String.valueOf(year), "0.00"), texts(more.json().get("errors").get(0).get("arguments")));
        assertEquals(new BigDecimal("50000.00"), shares(id).get(0).get("approved").decimalValue(), "what the payment holds stays");
    }

    @Test
    void theTotalStaysWhileTheYearSplitTheKeptTotalsAndTheBudgetSummaryFollow() {
        int year = api.unusedYears(3);
        long id = api.approved(fitko, api.application(StateCode.RP, year, year + 2, "900000.00"), "900000.00");
        List<JsonNode> before = shares(id);
        BigDecimal first = before.get(0).get("approved").decimalValue();
        BigDecimal last = before.get(2).get("approved").decimalValue();

        Response carried = api.post(fitko, "/api/applications/" + id + "/carry-overs", carryOver(year, year + 2, "123456.78"));

        assertEquals(201, carried.status(), carried.body());
        JsonNode carryOver = carried.json();
        assertEquals(id, carryOver.get("applicationId").asLong());
        assertEquals(year, carryOver.get("fromYear").asInt());
        assertEquals(year + 2, carryOver.get("toYear").asInt());
        assertEquals("123456.78", carryOver.get("amount").decimalValue().toPlainString());
        assertEquals("Verzögerte Vergabe", carryOver.get("reason").asText());
        assertEquals(fitko.username(), carryOver.get("recordedBy").asText());

        JsonNode application = api.get(fitko, "/api/applications/" + id).json();
        assertEquals("900000.00", application.get("approvedAmount").decimalValue().toPlainString());
        List<JsonNode> after = shares(id);
        BigDecimal moved = new BigDecimal("123456.78");
        assertEquals(first.subtract(moved), after.get(0).get("approved").decimalValue());
        assertEquals(moved.negate(), after.get(0).get("carried").decimalValue());
        assertEquals(before.get(1).get("approved").decimalValue(), after.get(1).get("approved").decimalValue());
        assertEquals(last.add(moved), after.get(2).get("approved").decimalValue());
        assertEquals(moved, after.get(2).get("carried").decimalValue());
        for (int i = 0; i < 3; i++) {
            assertEquals(before.get(i).get("requested").decimalValue(), after.get(i).get("requested").decimalValue());
        }
        assertEquals(new BigDecimal("900000.00"), after.stream().map(share -> share.get("approved").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        for (int y = year; y <= year + 2; y++) {
            assertEquals(sql.committed(DIGITAL, y), sql.keptTotal(DIGITAL, y), "kept total of " + y);
            assertEquals(after.get(y - year).get("approved").decimalValue(), sql.committed(DIGITAL, y));
            assertEquals(after.get(y - year).get("approved").decimalValue(), summaryApproved(y), "budget summary of " + y);
        }

        JsonNode history = api.get(fitko, "/api/applications/" + id + "/history").json();
        assertEquals(List.of("CREATED", "SUBMITTED", "DECIDED", "CARRIED_OVER"), actions(history));
        Map<String, List<String>> details = changes(history.get(3));
        assertEquals(pair(null, carryOver.get("id").asText()), details.get("carryOver.id"));
        assertEquals(pair(null, String.valueOf(year)), details.get("carryOver.fromYear"));
        assertEquals(pair(null, String.valueOf(year + 2)), details.get("carryOver.toYear"));
        assertEquals(pair(null, "123456.78"), details.get("carryOver.amount"));
        assertEquals(pair(null, "Verzögerte Vergabe"), details.get("carryOver.reason"));
        assertEquals(pair(first.toPlainString(), first.subtract(moved).toPlainString()), details.get("approvedShare." + year));
        assertEquals(pair(last.toPlainString(), last.add(moved).toPlainString()), details.get("approvedShare." + (year + 2)));
    }

    @Test
    void anAmendmentThatLeavesTheGivingYearLessThanItGaveIsAConflictNotAnError() {
        int year = api.unusedYears(2);
        long id = api.approved(fitko, api.application(StateCode.MV, year, year + 1, "1000000.00"), "1000000.00");
        assertEquals(201, api.post(fitko, "/api/applications/" + id + "/carry-overs", carryOver(year, year + 1, "490000.00")).status());
        List<JsonNode> before = shares(id);

        // -5 %, -50 000: takes effect at once; the new split gives the first year about 475 000
        Response cut = api.post(fitko, "/api/applications/" + id + "/amendments", amendment("950000.00"));
        assertEquals(409, cut.status(), cut.body());
        JsonNode error = cut.json().get("errors").get(0);
        assertEquals("approvedAmount", error.get("field").asText());
        assertEquals("carryOver.carriedOutUncovered", error.get("code").asText());
        List<String> arguments = texts(error.get("arguments"));
        assertEquals(String.valueOf(year), arguments.get(0));
        assertEquals("490000.00", arguments.get(1));
        assertTrue(new BigDecimal(arguments.get(2)).compareTo(new BigDecimal("490000.00")) < 0, arguments.toString());
        assertEquals("1000000.00", api.get(fitko, "/api/applications/" + id).json().get("approvedAmount").decimalValue().toPlainString());
        assertEquals(approved(before), approved(shares(id)));

        // proposed under four eyes, the cut is refused when it is confirmed
        Response proposed = api.post(fitko, "/api/applications/" + id + "/amendments", amendment("600000.00"));
        assertEquals(201, proposed.status(), proposed.body());
        Response confirmed = api.post(api.account(Role.FITKO, null), "/api/applications/" + id + "/amendments/"
                + proposed.json().get("amendment").get("id").asLong() + "/confirm", null);
        assertEquals(409, confirmed.status(), confirmed.body());
        assertEquals("carryOver.carriedOutUncovered", confirmed.json().get("errors").get(0).get("code").asText());
    }

    private Response assertRefused(String path, Map<String, Object> body, int status, String error) {
        Response refused = api.post(fitko, path, body);
        assertEquals(status, refused.status(), refused.body());
        List<String> errors = new ArrayList<>();
        refused.json().get("errors").forEach(e -> errors.add(e.get("field").asText() + " " + e.get("code").asText()));
        assertTrue(errors.contains(error), errors.toString());
        return refused;
    }

    private List<JsonNode> shares(long id) {
        List<JsonNode> shares = new ArrayList<>();
        api.get(fitko, "/api/applications/" + id + "/years").json().forEach(shares::add);
        return shares;
    }

    private static List<BigDecimal> approved(List<JsonNode> shares) {
        return shares.stream().map(share -> share.get("approved").decimalValue()).toList();
    }

    private BigDecimal summaryApproved(int year) {
        for (JsonNode total : api.get(fitko, "/api/reports/budget-summary?format=json&year=" + year).json().get("byYear")) {
            if (total.get("year").asInt() == year) {
                return total.get("approved").decimalValue();
            }
        }
        throw new AssertionError("no total of " + year);
    }

    /** A payment as the payment requests will write it; only its hold on the year matters here. */
    private void payment(long applicationId, int year, String amount, String status) {
        sql.execute("INSERT INTO payment (application_id, year, amount, purpose, status, requested_by, requested_at)"
                + " VALUES (?, ?, ?, 'Erste Tranche', ?, 'land.sh', ?)", applicationId, year, new BigDecimal(amount), status,
                Timestamp.from(Instant.now()));
    }
}
