package de.foerderregister.bench;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget summary from its kept figures next to the GROUP BY over the rows that answered it before
 * (the ceiling that was), with and without {@code year}, for one state, and with {@code asOf} next to its
 * raw SQL; the budget status beside. Run with {@code ./mvnw -Pbench -o test -Dtest=SummaryBenchmark
 * -Dbench.applications=100000}; {@code -Dbench.kept-rows=10000000} adds a row whose kept figures stand for
 * that many applications (written by bulk SQL into the kept table only), to show the read does not grow.
 */
@MicronautTest(transactional = false)
class SummaryBenchmark {

    private static final int APPLICATIONS = Integer.getInteger("bench.applications", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final long KEPT_ROWS = Long.getLong("bench.kept-rows", 0);

    /** The filter of the selected applications, as the summary's SQL read it before V21. */
    private static final String ALL = "1 = 1";
    private static final String ONE_STATE = "a.owner_state = 'NW'";

    @Inject
    TestApi api;

    DataSource database;
    Measure measure;

    @Inject
    void database(DataSource contextual) {
        database = DelegatingDataSource.unwrapDataSource(contextual);
        measure = new Measure(database, RUNS);
    }

    @Test
    void summaryFromKeptFiguresAgainstTheGroupBy() throws Exception {
        long seeded = BulkSeed.seed(database, APPLICATIONS);
        Account finance = api.account(Role.FINANCE, null);
        Account state = api.account(Role.STATE, StateCode.NW);
        List<String> table = new ArrayList<>();
        table.add(String.format("%-58s %12s %12s %8s", "measure (" + seeded + " applications, machine shared)",
                "registry", "GROUP BY", "ratio"));
        table.add(row("budget summary JSON, no asOf (median ms)",
                measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-summary").status())), measure.median(() -> rawSummary(ALL, null))));
        table.add(row("budget summary JSON, year=2021 (median ms)",
                measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-summary?year=2021").status())),
                measure.median(() -> rawSummary(ALL, 2021))));
        table.add(row("budget summary JSON, STATE caller NW (median ms)",
                measure.median(() -> Measure.ok(api.get(state, "/api/reports/budget-summary").status())), measure.median(() -> rawSummary(ONE_STATE, null))));
        table.add(row("budget summary JSON, asOf=2021-06-30 vs its raw SQL (median ms)",
                measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-summary?asOf=2021-06-30").status())),
                measure.median(() -> rawAsOf("2021-06-30"))));
        table.add(row("budget status JSON vs GROUP BY over the rows (median ms)",
                measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-status").status())),
                measure.median(() -> measure.sql("""
                        SELECT a.funding_source, y.year, SUM(y.approved) FROM year_allocation y
                          JOIN funding_application a ON a.id = y.application_id GROUP BY a.funding_source, y.year""",
                        "SELECT a.funding_source, m.year, SUM(m.amount) FROM (SELECT application_id, year, amount FROM payment"
                                + " WHERE status = 'PAID' UNION ALL SELECT application_id, year, -amount FROM repayment) m"
                                + " JOIN funding_application a ON a.id = m.application_id GROUP BY a.funding_source, m.year"))));
        table.add(String.format("%-58s %12d", "kept rows read by the summary (summary_total)", count("SELECT COUNT(*) FROM summary_total")));
        if (KEPT_ROWS > 0) {
            keptOnly(1);
            try {
                table.add(String.format("%-58s %12.1f %12s", "budget summary JSON, + " + KEPT_ROWS + " kept-only (median ms)",
                        measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-summary").status())), "-"));
                table.add(String.format("%-58s %12.1f %12s", "budget summary JSON, year=2025, same (median ms)",
                        measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-summary?year=2025").status())), "-"));
                table.add(String.format("%-58s %12d", "kept rows then", count("SELECT COUNT(*) FROM summary_total")));
                assertTrue(api.get(finance, "/api/reports/budget-summary").json().get("total").get("count").asLong()
                        >= seeded + KEPT_ROWS - KEPT_ROWS % keys());
            } finally {
                keptOnly(-1);
            }
        }
        table.forEach(System.out::println);
        assertTrue(api.get(finance, "/api/reports/budget-summary").json().get("total").get("count").asLong() >= seeded);
    }

    /**
     * Adds ({@code sign} 1) or takes away again (-1) the figures of {@link #KEPT_ROWS} applications that
     * exist in the kept table only, spread over every key the table can hold (each state, type, source,
     * status and the years 2019 to 2030): what ten million applications would leave there, written by
     * one statement. Kept figures add up, so taking them away restores the seeded ones exactly.
     */
    private void keptOnly(int sign) throws SQLException {
        long each = KEPT_ROWS / keys();
        String years = java.util.stream.IntStream.rangeClosed(2019, 2030).mapToObj(year -> " UNION ALL SELECT " + year)
                .collect(java.util.stream.Collectors.joining());
        String insert = "INSERT INTO summary_total (owner_state, type, funding_source, status, year, members, counted,"
                + " requested, approved, paid) SELECT s.v, t.v, f.v, st.v, y.v, " + sign * each + ", " + sign * each
                + ", " + sign * each * 100_000 + ", " + sign * each * 90_000 + ", " + sign * each * 50_000
                + " FROM " + values(StateCode.values()) + " s, " + values(ApplicationType.values()) + " t, "
                + values(FundingSource.values()) + " f, " + values(Status.values()) + " st, (SELECT 0 AS v" + years + ") y"
                + " ON DUPLICATE KEY UPDATE members = members + VALUES(members), counted = counted + VALUES(counted),"
                + " requested = requested + VALUES(requested), approved = approved + VALUES(approved), paid = paid + VALUES(paid)";
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate(insert);
        }
    }

    /** The whole applications' keys (year 0) the kept table can hold. */
    private static long keys() {
        return (long) StateCode.values().length * ApplicationType.values().length * FundingSource.values().length
                * Status.values().length;
    }

    private static String values(Enum<?>[] constants) {
        return java.util.Arrays.stream(constants).map(constant -> "SELECT '" + constant.name() + "' AS v")
                .collect(java.util.stream.Collectors.joining(" UNION ALL ", "(", ")"));
    }

    /** Before V21: the whole amounts and the paid ones grouped over every selected application, payment and repayment. */
    private Void rawSummary(String filter, Integer year) {
        String moved = "(SELECT a.owner_state, a.type, a.funding_source, m.year, m.amount FROM payment m"
                + " JOIN funding_application a ON a.id = m.application_id WHERE m.status = 'PAID' AND " + filter
                + (year == null ? "" : " AND m.year = " + year)
                + " UNION ALL SELECT a.owner_state, a.type, a.funding_source, m.year, -m.amount FROM repayment m"
                + " JOIN funding_application a ON a.id = m.application_id WHERE " + filter
                + (year == null ? "" : " AND m.year = " + year) + ") m";
        String parts = " FROM year_allocation y JOIN funding_application a ON a.id = y.application_id WHERE " + filter
                + (year == null ? "" : " AND y.year = " + year);
        String sums = " COUNT(CASE WHEN y.requested <> 0 THEN 1 END), SUM(y.requested), SUM(y.approved)";
        if (year == null) {
            return measure.sql("SELECT a.owner_state, a.type, COUNT(*), SUM(a.requested_amount), SUM(COALESCE(a.approved_amount, 0))"
                            + " FROM funding_application a WHERE " + filter + " GROUP BY a.owner_state, a.type",
                    "SELECT a.funding_source, COUNT(*), SUM(a.requested_amount), SUM(COALESCE(a.approved_amount, 0))"
                            + " FROM funding_application a WHERE " + filter + " GROUP BY a.funding_source",
                    "SELECT COUNT(*), SUM(a.requested_amount), SUM(COALESCE(a.approved_amount, 0)) FROM funding_application a WHERE " + filter,
                    "SELECT y.year," + sums + parts + " GROUP BY y.year",
                    "SELECT m.owner_state, m.type, SUM(m.amount) FROM " + moved + " GROUP BY m.owner_state, m.type",
                    "SELECT m.funding_source, SUM(m.amount) FROM " + moved + " GROUP BY m.funding_source",
                    "SELECT m.year, SUM(m.amount) FROM " + moved + " GROUP BY m.year");
        }
        return measure.sql("SELECT a.owner_state, a.type," + sums + parts + " GROUP BY a.owner_state, a.type",
                "SELECT a.funding_source," + sums + parts + " GROUP BY a.funding_source",
                "SELECT" + sums + parts,
                "SELECT y.year," + sums + parts + " GROUP BY y.year",
                "SELECT m.owner_state, m.type, SUM(m.amount) FROM " + moved + " GROUP BY m.owner_state, m.type",
                "SELECT m.funding_source, SUM(m.amount) FROM " + moved + " GROUP BY m.funding_source",
                "SELECT SUM(m.amount) FROM " + moved);
    }

    /** The raw SQL of an {@code asOf} summary: the approved amount as it stood, and what was paid and repaid by then. */
    private Void rawAsOf(String asOf) {
        String moved = "(SELECT a.owner_state, a.type, a.funding_source, m.amount FROM payment m JOIN funding_application a"
                + " ON a.id = m.application_id WHERE m.status = 'PAID' AND m.paid_on <= '" + asOf + "'"
                + " UNION ALL SELECT a.owner_state, a.type, a.funding_source, -m.amount FROM repayment m"
                + " JOIN funding_application a ON a.id = m.application_id WHERE m.received_on <= '" + asOf + "') m";
        return measure.sql("SELECT a.id, a.owner_state, a.type, a.funding_source, a.start_date, a.end_date, a.requested_amount,"
                        + " (SELECT d.approved_amount FROM decision d WHERE d.application_id = a.id AND d.meeting_date <= '" + asOf
                        + "' ORDER BY d.id DESC LIMIT 1) FROM funding_application a",
                "SELECT application_id, year, amount FROM annual_plan_line",
                "SELECT m.owner_state, m.type, SUM(m.amount) FROM " + moved + " GROUP BY m.owner_state, m.type",
                "SELECT m.funding_source, SUM(m.amount) FROM " + moved + " GROUP BY m.funding_source");
    }

    private long count(String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String row(String name, double registry, double raw) {
        return String.format("%-58s %12.1f %12.1f %8.2f", name, registry, raw, registry / raw);
    }
}
