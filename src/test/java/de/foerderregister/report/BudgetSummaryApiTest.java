package de.foerderregister.report;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget summary as a client sees it. The database is shared with other tests and kept between
 * runs, so totals are checked against SQL over the same filter, and exact values as the change one
 * new application makes. Each test works in an owner state the other report tests leave alone.
 */
@MicronautTest(transactional = false)
class BudgetSummaryApiTest {

    static final String PATH = "/api/reports/budget-summary";

    @Inject
    TestApi api;

    @Inject
    BudgetSteps budget;

    DataSource dataSource;

    @Inject
    void dataSource(DataSource contextual) {
        // plain connections outside the registry's transactions: an independent look at the tables
        this.dataSource = DelegatingDataSource.unwrapDataSource(contextual);
    }

    Account fitko;
    Account finance;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
    }

    @Test
    void everyTotalEqualsTheSqlTotalToTheCent() throws SQLException {
        approve(stimulus(api.application(StateCode.SL)), "900000.00");
        Map<String, Object> standard = stimulus(api.application(StateCode.SL));
        standard.put("type", "STANDARD");
        standard.put("annualPlan", List.of());
        standard.put("startDate", "2020-10-01");
        standard.put("endDate", "2023-03-31");
        standard.put("requestedAmount", "333333.33");
        approve(standard, "123456.78");
        api.create(fitko, stimulus(api.application(StateCode.SL)));
        api.submitted(StateCode.SL);

        for (String[] filter : List.of(
                new String[] {"", "TRUE"},
                new String[] {"?ownerState=SL", "owner_state = 'SL'"},
                new String[] {"?ownerState=SL&fundingSource=STIMULUS_PACKAGE", "owner_state = 'SL' AND funding_source = 'STIMULUS_PACKAGE'"},
                new String[] {"?status=APPROVED&format=json", "status = 'APPROVED'"},
                new String[] {"?ownerState=SL&status=DRAFT", "owner_state = 'SL' AND status = 'DRAFT'"})) {
            JsonNode summary = ok(finance, PATH + filter[0]);
            String where = filter[1];
            assertEquals(sql("SELECT COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0))"
                    + " FROM funding_application WHERE " + where), List.of(row(summary.get("total"), "count", "requested", "approved")), filter[0]);
            assertEquals(sql("SELECT owner_state, type, COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0))"
                            + " FROM funding_application WHERE " + where + " GROUP BY owner_state, type ORDER BY owner_state, type"),
                    rows(summary.get("byStateAndType"), "ownerState", "type", "count", "requested", "approved"), filter[0]);
            assertEquals(sql("SELECT funding_source, COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0))"
                            + " FROM funding_application WHERE " + where + " GROUP BY funding_source ORDER BY funding_source"),
                    rows(summary.get("bySource"), "fundingSource", "count", "requested", "approved"), filter[0]);
            assertAddsUp(summary);
        }
    }

    @Test
    void aYearFilterSumsOnlyThatYearsParts() {
        Map<String, Object> proRata = stimulus(api.application(StateCode.TH));
        proRata.put("annualPlan", List.of());
        proRata.put("startDate", "2019-07-01");
        proRata.put("endDate", "2022-06-30");
        approve(proRata, "777777.77");
        approve(stimulus(api.application(StateCode.TH)), "1000000.00");

        JsonNode all = ok(finance, PATH + "?ownerState=TH");
        for (int year : List.of(2019, 2021, 2022)) {
            JsonNode only = ok(finance, PATH + "?ownerState=TH&year=" + year);
            assertEquals(1, only.get("byYear").size());
            JsonNode yearTotal = only.get("byYear").get(0);
            assertEquals(year, yearTotal.get("year").asInt());
            assertEquals(row(yearOf(all, year), "count", "requested", "approved"), row(yearTotal, "count", "requested", "approved"),
                    "the year's parts are the same with and without the year filter");
            assertEquals(row(yearTotal, "count", "requested", "approved"), row(only.get("total"), "count", "requested", "approved"));
            assertEquals(year, only.get("filter").get("year").asInt());
            assertAddsUp(only);
        }
        JsonNode none = ok(finance, PATH + "?ownerState=TH&year=1990");
        assertEquals(List.of("0", "0.00", "0.00"), row(none.get("total"), "count", "requested", "approved"));
        assertEquals(0, none.get("byYear").size());
        assertEquals(0, none.get("byStateAndType").size());
    }

    @Test
    void yearsSplitProRataByDaysOrByThePlan() {
        String approvedFilter = PATH + "?ownerState=HB&fundingSource=STIMULUS_PACKAGE&status=APPROVED";
        String draftFilter = PATH + "?ownerState=HB&fundingSource=STIMULUS_PACKAGE&status=DRAFT";
        JsonNode approvedBefore = ok(fitko, approvedFilter);
        JsonNode year2020Before = ok(fitko, approvedFilter + "&year=2020");
        JsonNode draftBefore = ok(fitko, draftFilter);

        Map<String, Object> proRata = stimulus(api.application(StateCode.HB));
        proRata.put("annualPlan", List.of());
        proRata.put("startDate", "2020-10-01");
        proRata.put("endDate", "2021-12-31");
        proRata.put("requestedAmount", "2500000.00");
        approve(proRata, "2000000.00");
        api.create(fitko, stimulus(api.application(StateCode.HB)));

        // 92 of 457 days in 2020: 2 500 000 × 92 / 457 = 503 282.2757…, 2 000 000 × 92 / 457 = 402 625.8205…
        assertEquals(Map.of(2020, List.of("1", "503282.28", "402625.82"), 2021, List.of("1", "1996717.72", "1597374.18")),
                yearDeltas(approvedBefore, ok(fitko, approvedFilter)));
        JsonNode year2020After = ok(fitko, approvedFilter + "&year=2020");
        assertEquals(List.of("1", "503282.28", "402625.82"), delta(year2020Before.get("total"), year2020After.get("total")));
        // the plan is the split; not approved is 0.00 in every year
        assertEquals(Map.of(2021, List.of("1", "500000.00", "0.00"), 2022, List.of("1", "511500.00", "0.00")),
                yearDeltas(draftBefore, ok(fitko, draftFilter)));
    }

    @Test
    void approvedAmountsAsTheyStoodOnADay() {
        Account secondFitko = api.account(Role.FITKO, null);
        String filter = PATH + "?ownerState=MV&fundingSource=STIMULUS_PACKAGE";
        List<String> days = List.of("", "&asOf=2021-01-18", "&asOf=2021-01-19", "&asOf=2021-03-14", "&asOf=2021-03-15", "&asOf=2021-04-02");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        days.forEach(day -> before.put(day, ok(finance, filter + day)));

        long id = approve(stimulus(api.application(StateCode.MV)), "1000.00");  // meeting of 19.01.2021
        assertEquals(201, amend(fitko, id, "1050.00", "2021-03-15").status());
        Response proposed = amend(fitko, id, "2000.00", "2021-04-01");  // +90 %: waits for a second FITKO user
        assertEquals("PROPOSED", proposed.json().get("amendment").get("state").asText());

        Map<String, String> approvedDelta = new LinkedHashMap<>();
        days.forEach(day -> {
            List<String> change = delta(before.get(day).get("total"), ok(finance, filter + day).get("total"));
            assertEquals(List.of("1", "1011500.00"), change.subList(0, 2), day);
            approvedDelta.put(day, change.get(2));
        });
        assertEquals(Map.of("", "1050.00", "&asOf=2021-01-18", "0.00", "&asOf=2021-01-19", "1000.00",
                "&asOf=2021-03-14", "1000.00", "&asOf=2021-03-15", "1050.00", "&asOf=2021-04-02", "1050.00"), approvedDelta);
        // the approved amount follows the plan's shares: 1050 × 500000 / 1011500 = 519.031…
        assertEquals(Map.of(2021, List.of("1", "500000.00", "519.03"), 2022, List.of("1", "511500.00", "530.97")),
                yearDeltas(before.get("&asOf=2021-03-15"), ok(finance, filter + "&asOf=2021-03-15")));

        long amendmentId = proposed.json().get("amendment").get("id").asLong();
        assertEquals(200, api.post(secondFitko, "/api/applications/" + id + "/amendments/" + amendmentId + "/confirm", null).status());
        assertEquals("2000.00", delta(before.get("&asOf=2021-04-02").get("total"), ok(finance, filter + "&asOf=2021-04-02").get("total")).get(2));
        assertEquals("1050.00", delta(before.get("&asOf=2021-03-15").get("total"), ok(finance, filter + "&asOf=2021-03-15").get("total")).get(2));
        assertEquals("2000.00", delta(before.get("").get("total"), ok(finance, filter).get("total")).get(2));
        assertAddsUp(ok(finance, filter + "&asOf=2021-04-02"));
        assertAddsUp(ok(finance, PATH + "?asOf=2021-03-15"));
    }

    @Test
    void aStateUserSeesTheirOwnStateOnly() throws SQLException {
        api.approved(fitko, StateCode.NW, "800000.00");
        api.approved(fitko, StateCode.BY, "700000.00");
        Account nw = api.account(Role.STATE, StateCode.NW);

        JsonNode own = ok(nw, PATH);
        assertEquals("NW", own.get("filter").get("ownerState").asText());
        assertTrue(own.get("byStateAndType").size() > 0);
        own.get("byStateAndType").forEach(row -> assertEquals("NW", row.get("ownerState").asText()));
        assertEquals(sql("SELECT COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0))"
                + " FROM funding_application WHERE owner_state = 'NW'"), List.of(row(own.get("total"), "count", "requested", "approved")));
        assertAddsUp(own);
        assertEquals(row(own.get("total"), "count", "requested", "approved"),
                row(ok(nw, PATH + "?ownerState=NW").get("total"), "count", "requested", "approved"));

        for (String query : List.of("?ownerState=BY", "?ownerState=BY&year=2021", "?ownerState=BY&asOf=2021-06-30")) {
            JsonNode other = ok(nw, PATH + query);
            assertEquals(List.of("0", "0.00", "0.00"), row(other.get("total"), "count", "requested", "approved"), query);
            assertEquals(0, other.get("byStateAndType").size());
            assertEquals(0, other.get("bySource").size());
            assertEquals(0, other.get("byYear").size());
        }
        JsonNode byYear = ok(nw, PATH + "?year=2021");
        byYear.get("byStateAndType").forEach(row -> assertEquals("NW", row.get("ownerState").asText()));
    }

    @Test
    void financeAndFitkoSeeEveryState() throws SQLException {
        api.approved(fitko, StateCode.SH, "10.00");
        List<List<String>> everything = sql("SELECT COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0)) FROM funding_application");
        List<List<String>> states = sql("SELECT DISTINCT owner_state FROM funding_application ORDER BY owner_state");
        for (Account reader : List.of(finance, fitko)) {
            JsonNode summary = ok(reader, PATH);
            assertEquals(everything, List.of(row(summary.get("total"), "count", "requested", "approved")), reader.role().name());
            assertEquals(states, StreamSupport.stream(summary.get("byStateAndType").spliterator(), false)
                    .map(row -> row.get("ownerState").asText()).distinct().map(List::of).toList());
            assertTrue(summary.get("filter").get("ownerState").isNull());
            assertAddsUp(summary);
        }
    }

    /**
     * Paid is PAID payments less repayments, booked against a year; with {@code asOf} only what was
     * paid and received by then; open is approved − paid. Exact as the change one state's payments
     * make, and against SQL over the payment and repayment rows for every filter.
     */
    @Test
    void paidAndOpenFromThePaymentsAndRepayments() throws SQLException {
        List<String> filters = List.of("?ownerState=SN", "?ownerState=SN&fundingSource=STIMULUS_PACKAGE", "?ownerState=SN&year=2021",
                "?ownerState=SN&year=2022", "?ownerState=SN&asOf=2021-05-01", "?ownerState=SN&asOf=2021-07-01",
                "?ownerState=SN&asOf=2021-07-01&year=2021", "?ownerState=SN&status=APPROVED");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        filters.forEach(filter -> before.put(filter, ok(finance, PATH + filter)));

        long x = approve(stimulus(api.application(StateCode.SN)), "1011500.00");  // 500 000 in 2021, 511 500 in 2022
        Map<String, Object> standard = api.application(StateCode.SN);
        standard.put("type", "STANDARD");
        long y = approve(standard, "1011500.00");
        budget.paid(fitko, finance, StateCode.SN, x, "100000.00", 2021, "2021-03-01");
        budget.paid(fitko, finance, StateCode.SN, x, "50000.00", 2022, "2021-09-01");
        budget.repaid(finance, x, "20000.00", 2021, "2021-06-30");
        budget.paid(fitko, finance, StateCode.SN, y, "30000.00", 2021, "2021-03-01");

        Map<String, String> paid = new LinkedHashMap<>();
        filters.forEach(filter -> paid.put(filter, delta(before.get(filter), ok(finance, PATH + filter), "paid")));
        assertEquals(Map.of("?ownerState=SN", "160000.00", "?ownerState=SN&fundingSource=STIMULUS_PACKAGE", "130000.00",
                "?ownerState=SN&year=2021", "110000.00", "?ownerState=SN&year=2022", "50000.00",
                "?ownerState=SN&asOf=2021-05-01", "130000.00", "?ownerState=SN&asOf=2021-07-01", "110000.00",
                "?ownerState=SN&asOf=2021-07-01&year=2021", "110000.00", "?ownerState=SN&status=APPROVED", "160000.00"), paid);
        JsonNode all = ok(finance, PATH + "?ownerState=SN");
        assertEquals("1863000.00", delta(before.get("?ownerState=SN"), all, "open"), "2 023 000 approved less 160 000 paid");
        assertEquals(Map.of(2021, "110000.00", 2022, "50000.00"), paidByYear(before.get("?ownerState=SN"), all));
        assertEquals(Map.of(2021, "110000.00"), paidByYear(before.get("?ownerState=SN&asOf=2021-07-01"),
                ok(finance, PATH + "?ownerState=SN&asOf=2021-07-01")), "the payment of 1 September not yet");

        for (String filter : List.of("", "?ownerState=SN", "?ownerState=SN&fundingSource=STIMULUS_PACKAGE", "?status=APPROVED",
                "?year=2021", "?ownerState=SN&year=2022", "?ownerState=SN&asOf=2021-07-01", "?asOf=2021-05-01&year=2021")) {
            JsonNode summary = ok(finance, PATH + filter);
            JsonNode used = summary.get("filter");
            String where = "TRUE" + (used.get("ownerState").isNull() ? "" : " AND a.owner_state = '" + used.get("ownerState").asText() + "'")
                    + (used.get("fundingSource").isNull() ? "" : " AND a.funding_source = '" + used.get("fundingSource").asText() + "'")
                    + (used.get("status").isNull() ? "" : " AND a.status = '" + used.get("status").asText() + "'")
                    + (used.get("year").isNull() ? "" : " AND m.year = " + used.get("year").asInt());
            String asOf = used.get("asOf").isNull() ? "" : used.get("asOf").asText();
            String moved = "(SELECT application_id, year, amount FROM payment WHERE status = 'PAID'"
                    + (asOf.isEmpty() ? "" : " AND paid_on <= '" + asOf + "'")
                    + " UNION ALL SELECT application_id, year, -amount FROM repayment"
                    + (asOf.isEmpty() ? "" : " WHERE received_on <= '" + asOf + "'")
                    + ") m JOIN funding_application a ON a.id = m.application_id WHERE " + where;
            assertEquals(sql("SELECT COALESCE(SUM(m.amount), 0) FROM " + moved).get(0).get(0),
                    summary.get("total").get("paid").decimalValue().toPlainString(), filter);
            assertPaid(sql("SELECT a.owner_state, a.type, SUM(m.amount) FROM " + moved + " GROUP BY a.owner_state, a.type"),
                    summary.get("byStateAndType"), filter, "ownerState", "type");
            assertPaid(sql("SELECT a.funding_source, SUM(m.amount) FROM " + moved + " GROUP BY a.funding_source"),
                    summary.get("bySource"), filter, "fundingSource");
            assertPaid(sql("SELECT m.year, SUM(m.amount) FROM " + moved + " GROUP BY m.year"), summary.get("byYear"), filter, "year");
            assertAddsUp(summary);
        }
    }

    @Test
    void adminIsRefusedAndATokenIsRequired() {
        Response admin = api.get(api.account(Role.ADMIN, null), PATH);
        assertEquals(403, admin.status());
        assertEquals("application/problem+json", admin.contentType());
        assertEquals(401, api.send("GET", PATH, null, null, Map.of()).status());
    }

    @Test
    void unreadableParametersAnswer400NamingTheField() {
        for (String[] bad : List.of(
                new String[] {"?year=abc", "year"},
                new String[] {"?format=docx", "format"},
                new String[] {"?format=xml&year=2021", "format"},
                new String[] {"?asOf=30.06.2021", "asOf"},
                new String[] {"?ownerState=NRW", "ownerState"},
                new String[] {"?fundingSource=EU", "fundingSource"},
                new String[] {"?status=PAID", "status"})) {
            Response response = api.get(finance, PATH + bad[0]);
            assertEquals(400, response.status(), bad[0] + " " + response.body());
            assertEquals("application/problem+json", response.contentType(), bad[0]);
            assertEquals(bad[1], response.json().get("errors").get(0).get("field").asText(), bad[0]);
        }
    }

    // --- helpers

    private JsonNode ok(Account account, String path) {
        Response response = api.get(account, path);
        assertEquals(200, response.status(), path + " " + response.body());
        return response.json();
    }

    private static Map<String, Object> stimulus(Map<String, Object> application) {
        application.put("fundingSource", "STIMULUS_PACKAGE");
        return application;
    }

    /** Creates, submits and approves (meeting of 19.01.2021) the application; answers its id. */
    private long approve(Map<String, Object> application, String amount) {
        return api.approved(fitko, application, amount);
    }

    private Response amend(Account account, long id, String amount, String meetingDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newApprovedAmount", amount);
        body.put("reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        body.put("body", "IT-Planungsrat, 34. Sitzung");
        body.put("meetingDate", meetingDate);
        body.put("agendaItem", "TOP 3");
        return api.post(account, "/api/applications/" + id + "/amendments", body);
    }

    /**
     * Each part adds up to the total: amounts of all three breakdowns, counts of the two that do not
     * split; and every line's open amount is its approved less its paid amount.
     */
    private static void assertAddsUp(JsonNode summary) {
        JsonNode total = summary.get("total");
        assertEquals(total.get("approved").decimalValue().subtract(total.get("paid").decimalValue()), total.get("open").decimalValue());
        for (String breakdown : List.of("byStateAndType", "bySource", "byYear")) {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            long count = 0;
            for (JsonNode row : summary.get(breakdown)) {
                for (String amount : List.of("requested", "approved", "paid", "open")) {
                    assertEquals(2, row.get(amount).decimalValue().scale(), breakdown + " " + row);
                    sums.merge(amount, row.get(amount).decimalValue(), BigDecimal::add);
                }
                assertEquals(row.get("approved").decimalValue().subtract(row.get("paid").decimalValue()),
                        row.get("open").decimalValue(), breakdown + " " + row);
                count += row.get("count").asLong();
            }
            for (String amount : List.of("requested", "approved", "paid", "open")) {
                assertEquals(total.get(amount).decimalValue().toPlainString(),
                        sums.getOrDefault(amount, new BigDecimal("0.00")).toPlainString(), breakdown + " " + amount);
            }
            boolean yearSplitsCounts = breakdown.equals("byYear") && summary.get("filter").get("year").isNull();
            if (!yearSplitsCounts) {
                assertEquals(total.get("count").asLong(), count, breakdown);
            }
        }
    }

    /** Each line's paid amount is the SQL group's (0.00 where SQL has none), and every SQL group has its line. */
    private static void assertPaid(List<List<String>> sqlGroups, JsonNode lines, String filter, String... keys) {
        Map<List<String>, String> expected = new LinkedHashMap<>();
        sqlGroups.forEach(group -> expected.put(group.subList(0, keys.length), group.get(keys.length)));
        Map<List<String>, String> actual = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            List<String> key = new ArrayList<>();
            for (String field : keys) {
                key.add(line.get(field).asText());
            }
            actual.put(key, line.get("paid").decimalValue().toPlainString());
        }
        assertTrue(actual.keySet().containsAll(expected.keySet()), filter + ": " + expected + " " + actual);
        actual.forEach((key, paid) -> assertEquals(expected.getOrDefault(key, "0.00"), paid, filter + " " + key));
    }

    /** What one amount of the total changed by between two summaries. */
    private static String delta(JsonNode before, JsonNode after, String amount) {
        return after.get("total").get(amount).decimalValue().subtract(before.get("total").get(amount).decimalValue()).toPlainString();
    }

    /** The paid amount each year gained between two summaries, for the years that changed. */
    private static Map<Integer, String> paidByYear(JsonNode before, JsonNode after) {
        Map<Integer, String> deltas = new LinkedHashMap<>();
        for (JsonNode row : after.get("byYear")) {
            BigDecimal old = StreamSupport.stream(before.get("byYear").spliterator(), false)
                    .filter(candidate -> candidate.get("year").asInt() == row.get("year").asInt()).findFirst()
                    .map(candidate -> candidate.get("paid").decimalValue()).orElse(BigDecimal.ZERO);
            BigDecimal change = row.get("paid").decimalValue().subtract(old);
            if (change.signum() != 0) {
                deltas.put(row.get("year").asInt(), change.toPlainString());
            }
        }
        return deltas;
    }

    private static JsonNode yearOf(JsonNode summary, int year) {
        return StreamSupport.stream(summary.get("byYear").spliterator(), false)
                .filter(row -> row.get("year").asInt() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no " + year + " in " + summary));
    }

    /** count, requested and approved that a year gained between two summaries, for the years that changed. */
    private static Map<Integer, List<String>> yearDeltas(JsonNode before, JsonNode after) {
        Map<Integer, List<String>> deltas = new LinkedHashMap<>();
        for (JsonNode row : after.get("byYear")) {
            int year = row.get("year").asInt();
            JsonNode old = StreamSupport.stream(before.get("byYear").spliterator(), false)
                    .filter(candidate -> candidate.get("year").asInt() == year).findFirst().orElse(null);
            List<String> change = old == null ? row(row, "count", "requested", "approved") : delta(old, row);
            if (!change.equals(List.of("0", "0.00", "0.00"))) {
                deltas.put(year, change);
            }
        }
        return deltas;
    }

    private static List<String> delta(JsonNode before, JsonNode after) {
        return List.of(String.valueOf(after.get("count").asLong() - before.get("count").asLong()),
                after.get("requested").decimalValue().subtract(before.get("requested").decimalValue()).toPlainString(),
                after.get("approved").decimalValue().subtract(before.get("approved").decimalValue()).toPlainString());
    }

    private static List<String> row(JsonNode node, String... fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            JsonNode value = node.get(field);
            values.add(value.isNumber() && !value.isIntegralNumber() ? value.decimalValue().toPlainString() : value.asText());
        }
        return values;
    }

    private static List<List<String>> rows(JsonNode array, String... fields) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> row(node, fields)).toList();
    }

    /** The rows of a query, decimals as plain strings with two places (SUM over nothing as 0.00). */
    private List<List<String>> sql(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet result = statement.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.add(value instanceof BigDecimal amount ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                            : value == null ? "0.00" : value.toString());
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
